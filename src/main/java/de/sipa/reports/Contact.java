package de.sipa.reports;

import java.util.regex.Pattern;

/** How to reach the reporter; seen by the coordinator only and deleted some time after the report is closed. */
public record Contact(String name, String email, String phone) {

    public static final Contact NONE = new Contact(null, null, null);
    public static final int MAX_NAME = 200;
    public static final int MAX_EMAIL = 200;
    public static final int MAX_PHONE = 60;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    public boolean isEmpty() {
        return blank(name) && blank(email) && blank(phone);
    }

    /** A name of at most {@value #MAX_NAME} characters; {@code null} is valid (none given). */
    public static boolean validName(String name) {
        return name == null || name.strip().length() <= MAX_NAME;
    }

    /** Something that looks like an e-mail address, of at most {@value #MAX_EMAIL} characters; or {@code null}. */
    public static boolean validEmail(String email) {
        return email == null || email.strip().length() <= MAX_EMAIL && EMAIL.matcher(email.strip()).matches();
    }

    /** A phone number of at most {@value #MAX_PHONE} characters; {@code null} is valid (none given). */
    public static boolean validPhone(String phone) {
        return phone == null || phone.strip().length() <= MAX_PHONE;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
