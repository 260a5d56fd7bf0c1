// Drives GoPM's MCP server with the official TypeScript SDK client, for the integration tests.
// Usage: node mcp-sdk-client.mjs http <url> <plan.json> [bearer-token]
//        node mcp-sdk-client.mjs stdio <gopm executable> <plan.json>
// The plan: {"calls": [{"name": "...", "arguments": {...}}], "reads": ["gopm://..."]}.
// Prints one JSON object with everything the server answered; exits non-zero on any protocol error.
import { readFileSync } from "node:fs";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

const [mode, target, planFile, token] = process.argv.slice(2);
const plan = JSON.parse(readFileSync(planFile, "utf8"));

const transport =
  mode === "http"
    ? new StreamableHTTPClientTransport(new URL(target), {
        requestInit: token ? { headers: { Authorization: `Bearer ${token}` } } : {},
      })
    : new StdioClientTransport({ command: target, args: ["mcp"], env: process.env, stderr: "inherit" });

const client = new Client({ name: "gopm-integration-test", version: "1.0.0" });
await client.connect(transport);

const out = {
  serverVersion: client.getServerVersion(),
  capabilities: client.getServerCapabilities(),
  ping: await client.ping(),
  tools: (await client.listTools()).tools,
  calls: [],
  resources: (await client.listResources()).resources,
  templates: (await client.listResourceTemplates()).resourceTemplates,
  reads: [],
};
for (const call of plan.calls ?? []) {
  const result = await client.callTool({ name: call.name, arguments: call.arguments ?? {} });
  out.calls.push({ name: call.name, result });
}
for (const uri of plan.reads ?? []) {
  out.reads.push({ uri, result: await client.readResource({ uri }) });
}
await client.close();
console.log(JSON.stringify(out));
