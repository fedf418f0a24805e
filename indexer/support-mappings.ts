import type { estypes } from '@elastic/elasticsearch';

// The runs, digests and saved-searches indices belong to later stages
// (scheduler, digest, dashboards). Their mappings name the fields everyone
// filters on and use `dynamic: false`: other fields are kept in _source but not
// indexed, so the owning stage can add fields before it adds them here.

/** `<prefix>-runs`: one document per crawl or digest run. */
export function runsMapping(): estypes.MappingTypeMapping {
  return {
    dynamic: false,
    properties: {
      kind: { type: 'keyword' },
      status: { type: 'keyword' },
      started_at: { type: 'date' },
      finished_at: { type: 'date' },
      source_ids: { type: 'keyword' },
      job_id: { type: 'keyword' },
      interrupted: { type: 'boolean' },
      // Source-health flags of a crawl run: `<source id>:<kind>` (`hotnews:blocked`), and the kinds alone.
      health_flags: { type: 'keyword' },
      health_flag_kinds: { type: 'keyword' },
      report: { type: 'object', enabled: false },
    },
  };
}

/**
 * `<prefix>-digests`: one document per (member, ISO week), the record of a sent
 * digest (indexer/digest-records.ts writes it; id `<week>:<member>`).
 */
export function digestsMapping(): estypes.MappingTypeMapping {
  return {
    dynamic: false,
    properties: {
      member: { type: 'keyword' },
      week: { type: 'keyword' },
      status: { type: 'keyword' },
      sent_at: { type: 'date' },
      article_ids: { type: 'keyword' },
      run_id: { type: 'keyword' },
      message_id: { type: 'keyword' },
      attempts: { type: 'integer' },
      created_at: { type: 'date' },
      updated_at: { type: 'date' },
    },
  };
}

/** `<prefix>-saved-searches`: analysts' saved queries and their alert settings. */
export function savedSearchesMapping(): estypes.MappingTypeMapping {
  return {
    dynamic: false,
    properties: {
      name: { type: 'keyword' },
      owner: { type: 'keyword' },
      // The owner's address and whether the search's new matches go into their weekly digest.
      owner_email: { type: 'keyword' },
      include_in_digest: { type: 'boolean' },
      created_at: { type: 'date' },
      updated_at: { type: 'date' },
      request: { type: 'object', enabled: false },
      alert: { type: 'object', enabled: false },
      // Read by the weekly digest (indexer/digest-saved-searches.ts) besides owner_email.
      digest_recipients: { type: 'keyword' },
    },
  };
}

/**
 * `<prefix>-unsubscriptions`: one document per member address (id: the
 * lower-case address) who left the weekly digest, and whether an admin has
 * since resubscribed them (indexer/unsubscriptions.ts writes it). Its own small
 * index rather than records in `<prefix>-digests`, which keeps one document per
 * (member, week) for every reader of that index.
 */
export function unsubscriptionsMapping(): estypes.MappingTypeMapping {
  return {
    dynamic: false,
    properties: {
      member: { type: 'keyword' },
      status: { type: 'keyword' },
      method: { type: 'keyword' },
      unsubscribed_at: { type: 'date' },
      resubscribed_at: { type: 'date' },
      updated_at: { type: 'date' },
      history: { type: 'object', enabled: false },
    },
  };
}
