-- Each event is kept twice: in full for operators and the relay, and as the public may see it, without identities
-- (an LP's or trader's subject, an operator's name), for the public event stream. The engine decides what an
-- identity is (VaultEvent.withoutIdentities); events written before this migration are stripped of the same fields.
ALTER TABLE vault_event ADD COLUMN public_payload TEXT;
UPDATE vault_event SET public_payload = CASE
        WHEN type = 'BufferFunded' AND payload::jsonb ->> 'source' LIKE 'top-up%'
            THEN jsonb_set(payload::jsonb, '{source}', '"top-up"')::text
        WHEN payload::jsonb ? 'owner' THEN jsonb_set(payload::jsonb, '{owner}', 'null')::text
        WHEN payload::jsonb ? 'actor' THEN jsonb_set(payload::jsonb, '{actor}', 'null')::text
        ELSE payload END;
ALTER TABLE vault_event ALTER COLUMN public_payload SET NOT NULL;
