-- A quote binds only while the market is where it was (issue #24): it remembers the parameter version it was
-- priced under, and a trade under another version is refused. Quotes given before this migration have none (0), so
-- they are refused as stale if taken: they expire within minutes anyway.
ALTER TABLE quote ADD COLUMN parameters_version BIGINT NOT NULL DEFAULT 0;

-- Quotes bind for two minutes at most now. A vault stored with a longer validity gets the longest allowed in a new
-- parameter version (or its parameters would no longer restore), recorded in the audit trail like any change.
INSERT INTO parameter_change (vault, version, actor, reason, changes, at)
SELECT id, (parameters::jsonb ->> 'version')::bigint + 1, 'migration V8',
       'quoteValidity is at most PT2M now (was ' || (parameters::jsonb #>> '{values,quoteValidity}') || ')',
       '{"quoteValidity":"PT2M"}', now()
  FROM vault
 WHERE (parameters::jsonb #>> '{values,quoteValidity}')::interval > interval '2 minutes';
UPDATE vault
   SET parameters = jsonb_set(jsonb_set(parameters::jsonb, '{values,quoteValidity}', '"PT2M"'), '{version}',
                              to_jsonb((parameters::jsonb ->> 'version')::bigint + 1))::text
 WHERE (parameters::jsonb #>> '{values,quoteValidity}')::interval > interval '2 minutes';
