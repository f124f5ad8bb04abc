package de.sipa.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * TOTP against the test vectors of RFC 6238, Appendix B (https://www.rfc-editor.org/rfc/rfc6238#appendix-B): the
 * seeds are the ASCII strings "12345678901234567890" (SHA1, 20 bytes), "12345678901234567890123456789012" (SHA256,
 * 32 bytes) and "1234567890123456789012345678901234567890123456789012345678901234" (SHA512, 64 bytes); 8 digits,
 * T0 = 0, X = 30 s.
 */
class TotpTests {

    private static final byte[] SEED_SHA1 = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEED_SHA256 = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEED_SHA512 = "1234567890123456789012345678901234567890123456789012345678901234"
            .getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "at {0} s: SHA1 {1}, SHA256 {2}, SHA512 {3}")
    @CsvSource({
        "59,          94287082, 46119246, 90693936",
        "1111111109,  07081804, 68084774, 25091201",
        "1111111111,  14050471, 67062674, 99943326",
        "1234567890,  89005924, 91819424, 93441116",
        "2000000000,  69279037, 90698825, 38618901",
        "20000000000, 65353130, 77737706, 47863826"})
    void codesMatchTheTestVectorsOfRfc6238(long seconds, String sha1, String sha256, String sha512) {
        long step = Totp.step(Instant.ofEpochSecond(seconds));
        assertThat(Totp.code(SEED_SHA1, step, "HmacSHA1", 8)).isEqualTo(sha1);
        assertThat(Totp.code(SEED_SHA256, step, "HmacSHA256", 8)).isEqualTo(sha256);
        assertThat(Totp.code(SEED_SHA512, step, "HmacSHA512", 8)).isEqualTo(sha512);
    }

    @Test
    void theSixDigitCodeIsTheLastSixDigitsOfTheVector() {
        assertThat(Totp.code(SEED_SHA1, Instant.ofEpochSecond(59))).isEqualTo("287082");
    }

    @Test
    void aCodeIsAcceptedInItsStepAndTheNeighboursButOnlyOnce() {
        var now = Instant.ofEpochSecond(1_111_111_111);
        var code = Totp.code(SEED_SHA1, now);
        assertThat(Totp.verify(SEED_SHA1, code, now, -1)).hasValue(Totp.step(now));
        assertThat(Totp.verify(SEED_SHA1, code, now.plusSeconds(30), -1)).as("next step").isPresent();
        assertThat(Totp.verify(SEED_SHA1, code, now.plusSeconds(90), -1)).as("too late").isEmpty();
        assertThat(Totp.verify(SEED_SHA1, code, now, Totp.step(now))).as("replayed").isEmpty();
        assertThat(Totp.verify(SEED_SHA1, "12345", now, -1)).isEmpty();
    }

    @Test
    void base32RoundTripsAndTheUriCarriesTheSecret() {
        var secret = Totp.newSecret();
        assertThat(Totp.fromBase32(Totp.base32(secret))).isEqualTo(secret);
        assertThat(Totp.base32(SEED_SHA1)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.uri("SiPa Musterstadt", "koordination", SEED_SHA1))
                .isEqualTo("otpauth://totp/SiPa%20Musterstadt:koordination?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                        + "&issuer=SiPa%20Musterstadt&algorithm=SHA1&digits=6&period=30");
    }
}
