package de.sipa.surveys;

/**
 * What lets a respondent answer a web wave once: the invitation code printed on their letter, or the random token of
 * their device for an open wave. Neither is stored with the response.
 */
public record Admission(String code, String deviceToken) {

    public static Admission byCode(String code) {
        return new Admission(code, null);
    }

    public static Admission byDevice(String deviceToken) {
        return new Admission(null, deviceToken);
    }
}
