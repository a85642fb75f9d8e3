-- An operator may settle a series the oracle could not price, at a price of their own within the oracle's range
-- around expiry (issue #24). The report says so: who, and why. Null for every settlement at the oracle's price.
ALTER TABLE settlement ADD COLUMN forced_by TEXT;
ALTER TABLE settlement ADD COLUMN forced_reason TEXT;
ALTER TABLE settlement ADD CHECK ((forced_by IS NULL) = (forced_reason IS NULL));
