package io.gopm.protocol.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gopm.protocol.format.GoDuration;
import io.gopm.protocol.format.Timestamps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The one configured JSON mapper of GoPM. Names are snake_case, durations are Go strings ({@code
 * "5s"}), timestamps RFC 3339 in the local zone, map keys sorted, nulls left out; reading is
 * strict about types (no coercion of {@code "3"} to 3) so a wrong type is reported, not guessed.
 *
 * <p>Thread-safe; build one per process and share it.
 */
public final class JsonCodec {

  private final ObjectMapper mapper;
  private final ObjectWriter prettyWriter;

  /** A codec writing timestamps in the system's zone. */
  public JsonCodec() {
    this(Timestamps.localZone());
  }

  public JsonCodec(ZoneId zone) {
    SimpleModule gopmTypes = new SimpleModule("gopm-types");
    gopmTypes.addSerializer(Duration.class, new GoDurationSerializer());
    gopmTypes.addDeserializer(Duration.class, new GoDurationDeserializer());
    gopmTypes.addSerializer(Instant.class, new InstantSerializer(zone));
    gopmTypes.addDeserializer(Instant.class, new InstantDeserializer());
    this.mapper =
        JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .serializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .addModule(gopmTypes)
            .withCoercionConfig(
                com.fasterxml.jackson.databind.type.LogicalType.Textual,
                coercion ->
                    coercion
                        .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Integer,
                            com.fasterxml.jackson.databind.cfg.CoercionAction.Fail)
                        .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Float,
                            com.fasterxml.jackson.databind.cfg.CoercionAction.Fail)
                        .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Boolean,
                            com.fasterxml.jackson.databind.cfg.CoercionAction.Fail))
            .build();
    Separators separators =
        Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter(separators).withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
    this.prettyWriter = mapper.writer(printer);
  }

  /** Compact JSON on one line. */
  public String write(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Compact JSON as UTF-8 bytes. */
  public byte[] writeBytes(Object value) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Indented by two spaces, {@code "key": value}, one array element per line (as GoPM prints). */
  public String writePretty(Object value) {
    try {
      return prettyWriter.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads {@code json} as {@code type}.
   *
   * @throws JsonProcessingException when the text is not valid JSON or does not fit the type; see
   *     {@link #describe(JsonProcessingException)}
   */
  public <T> T read(String json, Type type) throws JsonProcessingException {
    return mapper.readValue(json, javaType(type));
  }

  /** Reads UTF-8 bytes as {@code type}. */
  public <T> T read(byte[] json, Type type) throws IOException {
    return mapper.readValue(json, javaType(type));
  }

  /** Parses a tree. */
  public JsonNode readTree(byte[] json) throws IOException {
    return mapper.readTree(json);
  }

  public JsonNode readTree(String json) throws JsonProcessingException {
    return mapper.readTree(json);
  }

  /** Converts a parsed tree to {@code type}, with the same strictness as {@link #read}. */
  public <T> T convert(JsonNode node, Type type) throws IOException {
    return mapper.readerFor(javaType(type)).readValue(mapper.treeAsTokens(node));
  }

  /** A tree of {@code value}. */
  public JsonNode toTree(Object value) {
    return mapper.valueToTree(value);
  }

  public ObjectNode newObject() {
    return mapper.createObjectNode();
  }

  private JavaType javaType(Type type) {
    return mapper.getTypeFactory().constructType(type);
  }

  /**
   * A short, user-facing description of a JSON error: {@code line 3, column 7: <reason>}, naming
   * the field at fault and the kind of value expected, without Jackson's class names and hints.
   */
  public static String describe(JsonProcessingException error) {
    String reason = reason(error);
    JsonLocation location = error.getLocation();
    if (location != null && location.getLineNr() > 0) {
      return "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": " + reason;
    }
    return reason;
  }

  private static String reason(JsonProcessingException error) {
    if (error instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException unknown) {
      String parent = fieldPath(unknown.getPath().subList(0, Math.max(0, unknown.getPath().size() - 1)));
      return "unknown field \"" + unknown.getPropertyName() + "\"" + (parent.isEmpty() ? "" : " in \"" + parent + "\"");
    }
    if (error instanceof com.fasterxml.jackson.databind.exc.ValueInstantiationException instantiation) {
      // the record refused its values: its message is for people; without one, never Jackson's
      // (which names Java classes)
      return error.getCause() != null && error.getCause().getMessage() != null
          ? error.getCause().getMessage()
          : field(instantiation) + "invalid value";
    }
    if (error instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException invalid) {
      String original = stripHints(invalid.getOriginalMessage());
      int detail = original.indexOf("\": ");
      String why = detail >= 0 ? original.substring(detail + 3) : "expected " + friendlyTypeName(invalid.getTargetType());
      return field(invalid) + why;
    }
    if (error instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatch
        && mismatch.getTargetType() != null) {
      return field(mismatch) + "expected " + friendlyTypeName(mismatch.getTargetType());
    }
    return stripHints(error.getOriginalMessage());
  }

  private static String field(com.fasterxml.jackson.databind.JsonMappingException error) {
    String path = fieldPath(error.getPath());
    return path.isEmpty() ? "" : "field \"" + path + "\": ";
  }

  private static String stripHints(String message) {
    if (message == null) {
      return "invalid JSON";
    }
    String reason = message.replace("\n", " ");
    for (String hint : new String[] {" (for ", " (set DeserializationConfig", " (through reference", " (but might if"}) {
      int at = reason.indexOf(hint);
      if (at > 0) {
        reason = reason.substring(0, at);
      }
    }
    return reason;
  }

  private static String fieldPath(java.util.List<com.fasterxml.jackson.databind.JsonMappingException.Reference> references) {
    StringBuilder path = new StringBuilder();
    for (com.fasterxml.jackson.databind.JsonMappingException.Reference ref : references) {
      if (ref.getFieldName() != null) {
        path.append(path.length() > 0 ? "." : "").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String friendlyTypeName(Class<?> type) {
    if (type == null) {
      return "another value";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "an integer";
    }
    if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == Duration.class) {
      return "a duration like \"5s\"";
    }
    if (type == Instant.class) {
      return "an RFC 3339 timestamp";
    }
    if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    if (type.isEnum()) {
      return "one of " + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(java.util.Locale.ROOT);
    }
    return "an object";
  }

  private static final class GoDurationSerializer extends JsonSerializer<Duration> {
    @Override
    public void serialize(Duration value, JsonGenerator gen, SerializerProvider serializers)
        throws IOException {
      gen.writeString(GoDuration.format(value));
    }
  }

  /** Accepts a Go duration string ({@code ""} is zero) or a number of nanoseconds. */
  private static final class GoDurationDeserializer extends JsonDeserializer<Duration> {
    @Override
    public Duration deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
        return Duration.ofNanos(parser.getLongValue());
      }
      if (parser.currentToken() == JsonToken.VALUE_STRING) {
        String text = parser.getText();
        if (text.isEmpty()) {
          return Duration.ZERO;
        }
        try {
          return GoDuration.parse(text);
        } catch (IllegalArgumentException e) {
          return (Duration) context.handleWeirdStringValue(Duration.class, text, e.getMessage());
        }
      }
      return (Duration) context.handleUnexpectedToken(Duration.class, parser);
    }
  }

  private static final class InstantSerializer extends JsonSerializer<Instant> {
    private final ZoneId zone;

    InstantSerializer(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers)
        throws IOException {
      gen.writeString(Timestamps.rfc3339(value, zone));
    }
  }

  private static final class InstantDeserializer extends JsonDeserializer<Instant> {
    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      String text = parser.getValueAsString();
      if (text == null) {
        return (Instant) context.handleUnexpectedToken(Instant.class, parser);
      }
      try {
        return Timestamps.parseRfc3339(text);
      } catch (RuntimeException e) {
        return (Instant) context.handleWeirdStringValue(Instant.class, text, "expected an RFC 3339 timestamp");
      }
    }
  }
}
