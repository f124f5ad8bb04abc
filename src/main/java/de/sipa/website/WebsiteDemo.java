package de.sipa.website;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.partners.Organisation;
import de.sipa.partners.Organisations;
import de.sipa.partners.Partnerships;
import de.sipa.shared.DemoStory;

/**
 * Musterstadt's news on its public website over the past year, dated relative to the day the demo loads: the
 * Palastgarten's new lighting (a joint statement of the police and the lighting office), the joint foot patrol going
 * on, the citizens' survey results, the prevention week in the Neckarblick estate with the youth office, the call
 * for reading mentors; a joint statement of police and city on the Hauptbahnhof that the police approved and the
 * Ordnungsamt has yet to (log in as "ordnungsamt" to approve it), and a draft of the year's review.
 */
@Component
@Profile("demo")
@Order(90)
class WebsiteDemo implements ApplicationRunner {

    static final String LIGHTING = "Mehr Licht im Palastgarten";
    static final String AWAITING = "Gemeinsame Erklärung zur Sicherheit am Hauptbahnhof";

    private final Partnerships partnerships;
    private final Organisations organisations;
    private final NewsPostRepository posts;
    private final Clock clock;
    private final DemoStory story;

    WebsiteDemo(Partnerships partnerships, Organisations organisations, NewsPostRepository posts, Clock clock,
            DemoStory story) {
        this.partnerships = partnerships;
        this.organisations = organisations;
        this.posts = posts;
        this.clock = clock;
        this.story = story;
    }

    @Override
    public void run(ApplicationArguments args) {
        var musterstadt = partnerships.bySlug("musterstadt");
        if (musterstadt.isEmpty()) {
            return;
        }
        CurrentUser.runAs(SipaUser.system(musterstadt.get().id()), () -> {
            var partnership = CurrentUser.partnership();
            if (posts.all(partnership).stream().anyMatch(p -> p.title().equals(LIGHTING))) {
                return; // loaded before
            }
            load(story.today());
        });
    }

    private void load(LocalDate today) {
        var police = organisation("Polizeipräsidium Musterstadt");
        var publicOrder = organisation("Amt für öffentliche Ordnung");
        var lighting = organisation("Tiefbauamt – Straßenbeleuchtung");
        var youth = organisation("Jugendamt");
        if (police == null || publicOrder == null || lighting == null || youth == null) {
            return;
        }
        post(LIGHTING, "Seit dem Frühjahr sind die Wege im Palastgarten nachts hell: 42 neue LED-Leuchten, "
                + "zurückgeschnittene Hecken und freie Sichtachsen.",
                "<p>Viele von Ihnen hatten gemeldet, dass die Wege im Palastgarten nachts zu dunkel sind. Die "
                        + "Koordinierungsstelle hat die Meldungen gebündelt, Polizei und Tiefbauamt sind die Wege "
                        + "gemeinsam abgegangen.</p><h2>Was sich geändert hat</h2><ul><li>42 neue LED-Leuchten "
                        + "entlang der Hauptwege</li><li>Hecken an den Eingängen zurückgeschnitten</li><li>freie "
                        + "Sicht vom Bahnhofsvorplatz bis zum See</li></ul><p>Sagen Sie uns auf der Seite des Ortes, "
                        + "wie sicher Sie sich dort jetzt fühlen.</p>",
                today.minusDays(330), police, lighting);
        post("Gemeinsame Fußstreife geht weiter", "Polizei und Kommunaler Ordnungsdienst sind auch im Herbst "
                + "freitags und samstags gemeinsam im Palastgarten und am Hauptbahnhof unterwegs.",
                "Die gemeinsame Fußstreife von Polizei und Ordnungsamt hat sich bewährt: Die Beschwerden über Lärm "
                        + "und Müll in der Nacht sind deutlich zurückgegangen.\n\nSprechen Sie die Streife an, wenn "
                        + "Ihnen etwas auffällt. In dringenden Fällen wählen Sie immer 110.",
                today.minusDays(250), police, publicOrder);
        post("Bürgerumfrage: Die Ergebnisse", "Mehr Menschen als vor zwei Jahren fühlen sich nachts in ihrem "
                + "Stadtteil sicher. Danke an alle, die mitgemacht haben!",
                "<p>Über 1.200 Musterstädterinnen und Musterstädter haben den Fragebogen ausgefüllt. Die wichtigsten "
                        + "Ergebnisse:</p><ul><li>Das Sicherheitsgefühl nachts im eigenen Stadtteil ist gestiegen."
                        + "</li><li>Am unsichersten fühlen sich viele noch an Haltestellen im Neckarblick.</li></ul>"
                        + "<p>Die Partnerschaft nimmt sich die Haltestellen als Nächstes vor.</p>",
                today.minusDays(160));
        post("Präventionswoche im Neckarblick", "Eine Woche lang Aktionen für Jung und Alt: Lesenachmittage im "
                + "Jugendtreff, Beratung gegen Trickbetrug und ein Abendspaziergang durch das Quartier.",
                "Vom Montag bis zum Samstag laden Jugendamt, Polizei und Koordinierungsstelle in den Neckarblick ein."
                        + "\n\nHöhepunkt ist der gemeinsame Abendspaziergang: Zeigen Sie uns die Orte, an denen Sie "
                        + "sich unwohl fühlen. Treffpunkt ist die Haltestelle Am Hang, 19 Uhr.",
                today.minusDays(90), youth);
        post("Lesepaten gesucht", "Der Jugendtreff Neckarblick sucht Freiwillige, die mit Kindern lesen.",
                "Zweimal in der Woche lesen Freiwillige mit Kindern von 8 bis 12 Jahren. Wer mitmachen will, meldet "
                        + "sich über die Seite Ehrenamt an.",
                today.minusDays(40));
        var awaiting = post(AWAITING, "Polizei und Stadt verstärken gemeinsam die Präsenz am Hauptbahnhof und "
                + "bitten um Hinweise auf dunkle Ecken.",
                "<p>Polizeipräsidium und Amt für öffentliche Ordnung erklären gemeinsam: Am Hauptbahnhof werden die "
                        + "Streifen in den Abendstunden verdoppelt.</p><p>Hinweise nehmen wir über das "
                        + "Meldeformular entgegen.</p>",
                today.minusDays(3), police, publicOrder);
        var asked = awaiting.approvals().stream().map(a -> a.organisation().equals(publicOrder.id())
                ? new Approval(a.organisation(), a.organisationName(), Decision.PENDING, null, null, null) : a)
                .toList();
        posts.update(CurrentUser.partnership(), new NewsPost(awaiting.id(), awaiting.title(), awaiting.teaser(),
                awaiting.body(), PostStatus.AWAITING_APPROVAL, awaiting.writtenBy(), awaiting.createdAt(),
                awaiting.changedAt(), null, asked));
        var review = at(today.minusDays(1), 15);
        posts.insert(CurrentUser.partnership(), new NewsPost(NewsPostId.random(), "Unser Jahr in der "
                + "Sicherheitspartnerschaft", "Ein Rückblick der Koordinierungsstelle.",
                NewsText.sanitise("Entwurf: Was wir uns vorgenommen haben und was daraus wurde."), PostStatus.DRAFT,
                "Sabine Krüger", review, review, null, List.of()));
    }

    /** A published post; each named partner answered the day after it was written, by its demo account's name. */
    private NewsPost post(String title, String teaser, String text, LocalDate day, Organisation... partners) {
        var written = at(day.minusDays(2), 10);
        var published = at(day, 9);
        var approvals = new ArrayList<Approval>();
        for (var partner : partners) {
            approvals.add(new Approval(partner.id(), partner.name(), Decision.APPROVED, null, approver(partner),
                    written.plus(Duration.ofHours(20))));
        }
        var post = new NewsPost(NewsPostId.random(), title, teaser, NewsText.sanitise(text), PostStatus.PUBLISHED,
                "Sabine Krüger", written, written, published, List.copyOf(approvals));
        posts.insert(CurrentUser.partnership(), post);
        return post;
    }

    private static String approver(Organisation partner) {
        return switch (partner.name()) {
            case "Polizeipräsidium Musterstadt" -> "Frank Becker";
            case "Amt für öffentliche Ordnung" -> "Markus Weber";
            case "Jugendamt" -> "Andrea Schulz";
            default -> "Pressestelle " + partner.name();
        };
    }

    private Instant at(LocalDate day, int hour) {
        return day.atTime(LocalTime.of(hour, 0)).atZone(clock.getZone()).toInstant();
    }

    private Organisation organisation(String name) {
        return organisations.all().stream().filter(o -> o.name().equals(name)).findFirst().orElse(null);
    }
}
