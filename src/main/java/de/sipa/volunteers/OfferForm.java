package de.sipa.volunteers;

/**
 * What the offer form sends, as typed (numbers, dates and the choice as text), so that nothing typed is lost when
 * the form comes back with its errors and no value fails to bind.
 */
record OfferForm(String title, String description, String schedule, String location, String timeCommitment,
        String peopleWanted, String contactPersonId, String projectId, String engagementEnds) {

    static OfferForm empty() {
        return new OfferForm("", "", "", "", "", "1", "", "", "");
    }

    static OfferForm of(VolunteerOffer offer) {
        return new OfferForm(offer.title(), offer.description(), offer.schedule(), offer.location(),
                offer.timeCommitment(), String.valueOf(offer.peopleWanted()), offer.contactPerson().value().toString(),
                offer.project() == null ? "" : offer.project().value().toString(), offer.engagementEnds().toString());
    }
}
