package de.sipa.partners;

/** What is published about a member of a body: name and function, never contact data. */
public record PublicPerson(PersonId id, String salutation, String firstName, String lastName, String function) {

    public String fullName() {
        return firstName + " " + lastName;
    }
}
