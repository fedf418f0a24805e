// Placeholder until the embedded node manager lands: integration tests need
// PRESSMON_ES_URL pointing at a running Elasticsearch.
export default function setup(): void {
  if (!process.env.PRESSMON_ES_URL) {
    throw new Error('integration tests: set PRESSMON_ES_URL (e.g. http://127.0.0.1:9299) until the local node manager lands');
  }
}
