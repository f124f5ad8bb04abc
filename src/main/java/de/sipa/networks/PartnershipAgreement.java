package de.sipa.networks;

import java.time.LocalDate;

/**
 * The partnership's signed cooperation agreement (Kooperationsvereinbarung).
 *
 * @param parties the signing partners, one a line
 * @param fields the fields of cooperation, one a line
 * @param endsOn the end of the term, {@code null} for an open-ended agreement
 * @param reviewOn when the partners review it; a reminder goes to the coordination before
 * @param published whether the partners agreed to show it on the citizens' pages
 * @param fileName the signed document's name, {@code null} until it is uploaded
 */
public record PartnershipAgreement(String title, String parties, String fields, LocalDate startsOn, LocalDate endsOn,
        LocalDate reviewOn, boolean published, String fileName) {

    public java.util.List<String> partyList() {
        return parties.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    public java.util.List<String> fieldList() {
        return fields.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
