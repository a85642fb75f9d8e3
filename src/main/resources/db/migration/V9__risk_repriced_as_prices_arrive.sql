-- Oracle prices reprice each vault's book on the stress grid (issue #24): when and at what spot it was last done,
-- so that every instance throttles the repricing alike (riskReassessInterval, riskReassessMove). Null: never yet.
ALTER TABLE vault ADD COLUMN risk_assessed_at TIMESTAMPTZ;
ALTER TABLE vault ADD COLUMN risk_assessed_spot BIGINT CHECK (risk_assessed_spot > 0);
