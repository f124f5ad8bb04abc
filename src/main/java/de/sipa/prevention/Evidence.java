package de.sipa.prevention;

/**
 * The programme a project follows and how well it is proven to work.
 *
 * @param programme the programme's name ("Faustlos", "PiT – Prävention im Team"), empty if none
 * @param url a link to its entry in the registry
 * @param registry where the level comes from ("Grüne Liste Prävention" or another registry)
 */
public record Evidence(String programme, String url, String registry, EvidenceLevel level) {

    public static Evidence none() {
        return new Evidence("", "", "", EvidenceLevel.NONE);
    }
}
