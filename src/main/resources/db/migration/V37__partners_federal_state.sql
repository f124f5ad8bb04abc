-- The Land of a partnership (ISO 3166-2 code without "DE-"): its public holidays decide working-day deadlines and
-- patrol days. Existing partnerships get Baden-Württemberg, the Land of the demo city Musterstadt; SiPa names the
-- Land on every insert, the default only fills rows written before this migration.
ALTER TABLE partners_partnership ADD COLUMN federal_state VARCHAR(2) NOT NULL DEFAULT 'BW'
    CONSTRAINT partners_partnership_federal_state_known CHECK (federal_state IN
        ('BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH'));
