package de.sipa.situation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.util.Locale;

import com.lowagie.text.pdf.PdfReader;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import de.sipa.DemoIntegrationTest;
import de.sipa.PdfFiles;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.partners.Partnerships;

/** Musterstadt's Mitte has a profile worth printing: reports, leads, a patrol and PKS, on one page. */
@DemoIntegrationTest
class DistrictProfilesDemoTests {

    @Autowired
    Partnerships partnerships;

    @Autowired
    DistrictProfiles profiles;

    @Autowired
    MessageSource messages;

    @Autowired
    Clock clock;

    @Test
    void mitteShowsReportsLeadsPatrolsAndCrimeFiguresOnOnePdfPage() throws Exception {
        var musterstadt = partnerships.bySlug("musterstadt").orElseThrow().id();
        CurrentUser.runAs(SipaUser.system(musterstadt), () -> {
            var mitte = partnerships.districts().stream().filter(d -> d.name().equals("Mitte")).findFirst()
                    .orElseThrow();
            var profile = profiles.profile(mitte.id());
            assertThat(profile.population()).isPositive();
            assertThat(profile.total().sum()).isPositive();
            assertThat(profile.total().sumYearBefore()).isPositive();
            assertThat(profile.categories()).hasSizeGreaterThan(2);
            assertThat(profile.leads()).isNotEmpty();
            assertThat(profile.patrols()).isNotEmpty();
            assertThat(profile.crime().rows()).isNotEmpty();

            var out = new ByteArrayOutputStream();
            DistrictProfileDocument.write(profile, partnerships.letterhead(), messages, Locale.GERMAN, clock, out);
            try {
                var reader = new PdfReader(out.toByteArray());
                assertThat(reader.getNumberOfPages()).isEqualTo(1);
                reader.close();
                assertThat(PdfFiles.text(out.toByteArray())).contains("Stadtteilprofil Mitte");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
