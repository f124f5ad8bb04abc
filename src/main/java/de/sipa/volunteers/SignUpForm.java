package de.sipa.volunteers;

/**
 * The public sign-up form as typed.
 *
 * @param website a honeypot: hidden from people, filled in by bots
 */
record SignUpForm(String name, String email, String phone, String message, Boolean consent, String website) {

    static SignUpForm empty() {
        return new SignUpForm("", "", "", "", false, "");
    }

    SignUp toSignUp() {
        return new SignUp(name, email, phone, message, Boolean.TRUE.equals(consent));
    }
}
