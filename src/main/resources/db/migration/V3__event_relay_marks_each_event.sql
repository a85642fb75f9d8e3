-- The relay marks each event it has handed to the channel instead of keeping a high-water mark. Outbox ids come
-- from a sequence in the order transactions *started* their inserts, not the order they committed: with a mark, an
-- event of vault A (id 100) committing after an event of vault B (id 101) had been relayed was skipped forever.
-- Within a vault ids are in commit order (every command holds the vault's row lock), so relaying unmarked events in
-- id order keeps each vault's order.
ALTER TABLE vault_event ADD COLUMN relayed BOOLEAN NOT NULL DEFAULT false;
UPDATE vault_event SET relayed = true WHERE id <= (SELECT last_id FROM event_relay WHERE id = 1);
CREATE INDEX vault_event_unrelayed ON vault_event (id) WHERE NOT relayed;
-- event_relay's row is now only the lock that lets one instance at a time relay; last_id is no longer kept.
ALTER TABLE event_relay DROP COLUMN last_id;
