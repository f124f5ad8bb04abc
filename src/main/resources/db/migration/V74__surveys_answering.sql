-- One response per device in an open wave: the SHA-256 of a random token the device keeps in a cookie. Only the
-- wave and the hash are kept, no time and no response id, so a device can never be joined to what it answered.
CREATE TABLE surveys_device (
    wave_id     UUID     NOT NULL REFERENCES surveys_wave (id) ON DELETE CASCADE,
    device_hash CHAR(64) NOT NULL,
    PRIMARY KEY (wave_id, device_hash)
);
