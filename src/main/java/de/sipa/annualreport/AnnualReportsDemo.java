package de.sipa.annualreport;

import java.time.Duration;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.partners.Partnerships;
import de.sipa.shared.DemoStory;

/**
 * Musterstadt's prevention reports, generated from the demo data after every other module's part of the story is
 * loaded, dated relative to the day the demo loads: last year's report with the coordination's texts, generated and
 * published on the citizens' pages, and this year's interim report, generated as a draft with one text, not
 * published.
 */
@Component
@Profile("demo")
@Order(90)
class AnnualReportsDemo implements ApplicationRunner {

    private final Partnerships partnerships;
    private final AnnualReports reports;
    private final ReportGenerations generations;
    private final DemoStory story;

    AnnualReportsDemo(Partnerships partnerships, AnnualReports reports, ReportGenerations generations,
            DemoStory story) {
        this.partnerships = partnerships;
        this.reports = reports;
        this.generations = generations;
        this.story = story;
    }

    @Override
    public void run(ApplicationArguments args) {
        var musterstadt = partnerships.bySlug("musterstadt");
        if (musterstadt.isEmpty()) {
            return;
        }
        CurrentUser.runAs(SipaUser.system(musterstadt.get().id()), () -> {
            int thisYear = story.today().getYear();
            int lastYear = thisYear - 1;
            if (generations.latest(lastYear).isPresent()) {
                return null; // loaded before
            }
            reports.saveText(lastYear, "partners", "<p>Die Sicherheitspartnerschaft Musterstadt verbindet Stadt, "
                    + "Polizei und viele Partner aus den Stadtteilen. Lenkungsgruppe und Koordinierungskreis haben "
                    + "sich regelmäßig getroffen; neue Mitglieder haben die Arbeit verstärkt.</p>");
            reports.saveText(lastYear, "reports", "<p>Die zentrale Ansprechstelle hat die Anliegen der Bürgerinnen "
                    + "und Bürger entgegengenommen und an die zuständigen Partner weitergeleitet. Im Winter häuften "
                    + "sich Hinweise auf <b>dunkle Wege im Palastgarten</b>; sie gaben den Anstoß für die neue "
                    + "Beleuchtung.</p><ul><li>Die meisten Anliegen gingen ohne Umweg über die Koordination direkt an "
                    + "die zuständige Stelle.</li><li>Fristüberschreitungen besprechen wir im Koordinierungskreis."
                    + "</li></ul>");
            reports.saveText(lastYear, "meetings", "<p>Die Lenkungsgruppe hat die LED-Beleuchtung im Palastgarten "
                    + "und eine gemeinsame Fußstreife von Polizei und Kommunalem Ordnungsdienst beschlossen.</p>");
            reports.saveText(lastYear, "operations", "<p>Seit Mai sind Polizei und Ordnungsdienst gemeinsam im "
                    + "Palastgarten und am Hauptbahnhof unterwegs. Die Streifenberichte zeigen viele Gespräche mit "
                    + "Bürgerinnen und Bürgern.</p>");
            reports.saveText(lastYear, "places", "<p>Im Oktober wurden die Leuchten im Palastgarten erneuert. Die "
                    + "Auswertung vergleicht die Anliegen vor und nach der Maßnahme.</p>");
            generations.start(lastYear);
            reports.saveText(thisYear, "reports", "<p>Zwischenstand: Im zweiten Winter meldeten Bürgerinnen und "
                    + "Bürger dunkle Wege in der Siedlung Neckarblick.</p>");
            generations.start(thisYear);
            generations.awaitJobs(Duration.ofMinutes(2));
            generations.latest(lastYear).filter(g -> g.status() == ReportGenerations.Status.DONE)
                    .ifPresent(g -> generations.publish(g.id(), true));
            return null;
        });
    }
}
