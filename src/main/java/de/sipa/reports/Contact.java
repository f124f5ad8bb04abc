package de.sipa.reports;

/** How to reach the reporter; seen by the coordinator only and deleted some time after the report is closed. */
public record Contact(String name, String email, String phone) {

    public static final Contact NONE = new Contact(null, null, null);

    public boolean isEmpty() {
        return blank(name) && blank(email) && blank(phone);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
