-- Quotes are numbered from a sequence of their own rather than the vault's, so that asking for a quote needs no lock
-- on the vault (issue #23). The sequence starts above every number a vault has used, so no new quote id
-- ('<vault>-q<number>') can repeat one issued from a vault's sequence before.
CREATE SEQUENCE quote_number;
SELECT setval('quote_number', (SELECT COALESCE(MAX(sequence), 0) + 1 FROM vault), false);
