package de.sipa.volunteers;

/** What a citizen types into the public sign-up form. */
public record SignUp(String name, String email, String phone, String message, boolean consent) {
}
