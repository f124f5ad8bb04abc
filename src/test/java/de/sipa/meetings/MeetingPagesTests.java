package de.sipa.meetings;

import static de.sipa.PdfFiles.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.partners.Bodies;
import de.sipa.partners.MembershipDetails;
import de.sipa.partners.MembershipRole;

/** A meeting planned and run through its pages: schedule, agenda, decision with action item, invitation. */
@SipaIntegrationTest
class MeetingPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Bodies bodies;

    @Test
    void theCoordinatorRunsAMeetingThroughItsPagesAndPartnersSeeIt() throws Exception {
        var city = fixtures.city();
        var coordinator = user(fixtures.user(city.coordinator()));
        mvc.perform(get("/meetings/new").with(coordinator)).andExpect(status().isOk());
        var location = mvc.perform(post("/meetings").with(coordinator).with(csrf())
                        .param("bodyId", city.steeringGroup().toString()).param("title", "Herbstsitzung")
                        .param("startsAt", "2027-10-05T15:00").param("endsAt", "2027-10-05T17:00")
                        .param("location", "Rathaus"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(post(location + "/agenda").with(coordinator).with(csrf()).param("title", "Lagebild"))
                .andExpect(flash().attribute("success", "agenda.added"));
        mvc.perform(post(location + "/decisions").with(coordinator).with(csrf())
                        .param("wording", "Mehr Präsenz am Bahnhof").param("vote", "einstimmig"))
                .andExpect(flash().attribute("success", "decision.taken"));
        mvc.perform(post(location + "/action-items").with(coordinator).with(csrf()).param("title", "Dienstplan anpassen")
                        .param("owner", city.police().toString()).param("dueOn", "2027-11-01"))
                .andExpect(flash().attribute("success", "actionItem.assigned"));
        mvc.perform(post(location + "/invite").with(coordinator).with(csrf()))
                .andExpect(flash().attribute("success", "meeting.invited"));
        mvc.perform(post("/meetings").with(coordinator).with(csrf())
                        .param("bodyId", city.steeringGroup().toString()).param("title", "Falsch herum")
                        .param("startsAt", "2027-10-05T17:00").param("endsAt", "2027-10-05T15:00"))
                .andExpect(status().isOk());

        var police = user(fixtures.user(city.policeUser()));
        assertThat(mvc.perform(get(location).with(police)).andReturn().getResponse().getContentAsString())
                .contains("id=\"proposal-form\"", "bis zum 28.09.2027");
        mvc.perform(post(location + "/proposals").with(police).with(csrf()).param("title", "Lärm am Kiosk"))
                .andExpect(flash().attribute("success", "proposal.made"));
        assertThat(mvc.perform(get(location).with(coordinator)).andReturn().getResponse().getContentAsString())
                .contains("Lärm am Kiosk", "vorgeschlagen", "/accept");

        var page = mvc.perform(get(location).with(user(fixtures.user(city.policeUser())))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Herbstsitzung", "Lagebild", "LG-2027-01", "Mehr Präsenz am Bahnhof",
                "Dienstplan anpassen", "eingeladen");
        var list = mvc.perform(get("/meetings").with(user(fixtures.user(city.steeringUser())))).andReturn()
                .getResponse().getContentAsString();
        assertThat(list).contains("Herbstsitzung", "Dienstplan anpassen").doesNotContain("Falsch herum");
        mvc.perform(post(location + "/decisions").with(user(fixtures.user(city.policeUser()))).with(csrf())
                .param("wording", "Selbst beschlossen")).andExpect(status().isForbidden());
    }

    @Test
    void attendanceIsRecordedPerMemberAndThePageShowsTheQuorum() throws Exception {
        var city = fixtures.city();
        var coordinator = user(fixtures.user(city.coordinator()));
        var yesterday = LocalDate.now().minusDays(1);
        var location = mvc.perform(post("/meetings").with(coordinator).with(csrf())
                        .param("bodyId", city.steeringGroup().toString()).param("title", "Krisensitzung")
                        .param("startsAt", yesterday + "T09:00").param("endsAt", yesterday + "T10:00"))
                .andReturn().getResponse().getRedirectedUrl();
        var form = mvc.perform(get(location).with(coordinator)).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("name=\"status-" + city.officer() + "\"");

        mvc.perform(post(location + "/attendance").with(coordinator).with(csrf())
                        .param("status-" + city.officer(), "REPRESENTED").param("representedBy-" + city.officer(), ""))
                .andExpect(flash().attribute("problem", "Bitte geben Sie an, wer das Mitglied vertreten hat."));
        mvc.perform(post(location + "/attendance").with(coordinator).with(csrf())
                        .param("status-" + city.officer(), "PRESENT").param("representedBy-" + city.officer(), ""))
                .andExpect(flash().attribute("success", "attendance.recorded"));
        mvc.perform(post(location + "/quorum-rule").with(coordinator).with(csrf()).param("rule", "AT_LEAST_TWO_THIRDS"))
                .andExpect(flash().attribute("success", "quorum.rule.saved"));

        var upcoming = mvc.perform(get("/meetings").with(coordinator)).andReturn().getResponse().getContentAsString();
        assertThat(upcoming).as("yesterday's meeting is not upcoming").doesNotContain("Krisensitzung");
        var past = mvc.perform(get("/meetings?upcoming=false&body=" + city.steeringGroup()).with(coordinator))
                .andReturn().getResponse().getContentAsString();
        assertThat(past).contains("Krisensitzung");
        assertThat(mvc.perform(get("/meetings?upcoming=false&body=" + UUID.randomUUID()).with(coordinator))
                .andReturn().getResponse().getContentAsString()).contains("Keine Sitzungen gefunden.");

        var page = mvc.perform(get(location).with(user(fixtures.user(city.policeUser())))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("Beschlussfähig: 1 von 1", "anwesend", "stattgefunden")
                .contains("wenn anwesend oder vertreten sind mindestens zwei Drittel der stimmberechtigten Mitglieder.")
                .doesNotContain("name=\"status-");
    }

    @Test
    void aPastMeetingWithApprovedMinutesOpensAsARecordAndListsOnlyThoseWhoWereMembersOnItsDay() throws Exception {
        var city = fixtures.city();
        var coordinator = user(fixtures.user(city.coordinator()));
        var day = LocalDate.now().minusDays(7);
        // The clerk sat in the steering group until a month before the meeting.
        CurrentUser.runAs(SipaUser.system(city.id()), () -> bodies.join(city.steeringGroup(), new MembershipDetails(
                city.clerk().value(), MembershipRole.STANDING_MEMBER, LocalDate.of(2024, 1, 1), day.minusMonths(1))));
        var location = mvc.perform(post("/meetings").with(coordinator).with(csrf())
                        .param("bodyId", city.steeringGroup().toString()).param("title", "Frühjahrssitzung")
                        .param("startsAt", day + "T14:00").param("endsAt", day + "T16:00"))
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(post(location + "/agenda").with(coordinator).with(csrf()).param("title", "Stadtpark"));
        var held = mvc.perform(get(location).with(coordinator)).andReturn().getResponse().getContentAsString();
        assertThat(held).contains("name=\"status-" + city.officer() + "\"")
                .as("a former member is not listed").doesNotContain("name=\"status-" + city.clerk() + "\"");
        mvc.perform(post(location + "/attendance").with(coordinator).with(csrf())
                        .param("status-" + city.clerk(), "PRESENT"))
                .andExpect(flash().attribute("problem", "Anwesenheit kann nur für Mitglieder des Gremiums erfasst werden."));
        mvc.perform(post(location + "/attendance").with(coordinator).with(csrf())
                        .param("status-" + city.officer(), "PRESENT"))
                .andExpect(flash().attribute("success", "attendance.recorded"));
        var field = Pattern.compile("name=\"(minutes-[0-9a-f-]{36})\"").matcher(held);
        assertThat(field.find()).isTrue();
        mvc.perform(post(location + "/minutes").with(coordinator).with(csrf()).param(field.group(1), "Licht ab Mai"));
        mvc.perform(post(location + "/minutes/circulate").with(coordinator).with(csrf()));
        mvc.perform(post(location + "/minutes/approve").with(coordinator).with(csrf()))
                .andExpect(flash().attribute("success", "minutes.approvedNow"));

        var record = mvc.perform(get(location).with(coordinator)).andReturn().getResponse().getContentAsString();
        assertThat(record).contains("Protokoll genehmigt", "Licht ab Mai", "Polizei-" + city.key(), "anwesend")
                .as("no field to change the record").doesNotContain("<select", "<textarea", "type=\"file\"",
                        location + "/attendance\"", location + "/quorum-rule\"", location + "/agenda\"",
                        location + "/decisions\"", location + "/action-items\"")
                .as("only the correction, which needs a reason").contains("/minutes/correct\"");
        mvc.perform(post(location + "/attendance").with(coordinator).with(csrf())
                        .param("status-" + city.officer(), "EXCUSED"))
                .andExpect(flash().attribute("problem", "Diese Sitzung kann nicht mehr geändert werden."));
    }

    @Test
    void minutesAreWrittenCirculatedCommentedAndApprovedThroughThePage() throws Exception {
        var city = fixtures.city();
        var coordinator = user(fixtures.user(city.coordinator()));
        var police = user(fixtures.user(city.policeUser()));
        var today = LocalDate.now();
        var location = mvc.perform(post("/meetings").with(coordinator).with(csrf())
                        .param("bodyId", city.steeringGroup().toString()).param("title", "Sitzung heute")
                        .param("startsAt", today + "T00:00").param("endsAt", today + "T00:30"))
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(post(location + "/agenda").with(coordinator).with(csrf()).param("title", "Stadtpark"));
        mvc.perform(post(location + "/agenda").with(coordinator).with(csrf()).param("title", "Ermittlungsstand")
                .param("confidential", "true"));
        var form = mvc.perform(get(location).with(coordinator)).andReturn().getResponse().getContentAsString();
        var field = Pattern.compile("name=\"(minutes-[0-9a-f-]{36})\"").matcher(form);
        assertThat(field.find()).as("a text field per agenda item").isTrue();

        mvc.perform(post(location + "/attendance").with(coordinator).with(csrf())
                .param("status-" + city.officer(), "PRESENT"));
        mvc.perform(post(location + "/minutes").with(coordinator).with(csrf()).param(field.group(1), "Licht ab Mai"))
                .andExpect(flash().attribute("success", "minutes.saved"));
        mvc.perform(post(location + "/minutes/circulate").with(coordinator).with(csrf()))
                .andExpect(flash().attribute("success", "minutes.circulated"));
        mvc.perform(post(location + "/minutes/comments").with(police).with(csrf()).param("text", "Einverstanden"))
                .andExpect(flash().attribute("success", "minutes.commented"));
        mvc.perform(post(location + "/minutes/approve").with(police).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post(location + "/minutes/approve").with(coordinator).with(csrf()))
                .andExpect(flash().attribute("success", "minutes.approvedNow"));
        mvc.perform(post(location + "/minutes").with(coordinator).with(csrf()).param(field.group(1), "anders"))
                .andExpect(flash().attribute("problem",
                        "Ein genehmigtes Protokoll kann nicht geändert werden; beginnen Sie eine Korrektur mit Grund."));

        var page = mvc.perform(get(location).with(police)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Fassung 1: genehmigt", "Licht ab Mai", "Einverstanden", "Protokoll genehmigt")
                .doesNotContain("anders");

        var minutesPdf = mvc.perform(get(location + "/minutes.pdf").with(police)).andExpect(status().isOk()).andReturn()
                .getResponse();
        assertThat(minutesPdf.getContentType()).isEqualTo("application/pdf");
        assertThat(text(minutesPdf.getContentAsByteArray())).contains("Protokoll: Sitzung heute", "Stadtpark",
                "Licht ab Mai", "genehmigt von Koordination " + city.key(), "Paula Polizei-" + city.key() + ", Polizeirevier "
                        + city.key() + ": anwesend");
        assertThat(text(mvc.perform(get(location + "/invitation.pdf").with(police)).andReturn().getResponse()
                .getContentAsByteArray())).contains("Einladung: Sitzung heute", "Stadtpark", "Ermittlungsstand");
        assertThat(text(mvc.perform(get(location + "/invitation.pdf").with(user(fixtures.user(city.publicOrderUser()))))
                .andReturn().getResponse().getContentAsByteArray()))
                .as("the confidential item stays with the members").contains("Stadtpark").doesNotContain("Ermittlungsstand");
    }

    @Test
    void theFollowUpBoardFiltersTakesProgressFromTheOwnerAndExportsCsv() throws Exception {
        var city = fixtures.city();
        var coordinator = user(fixtures.user(city.coordinator()));
        var police = user(fixtures.user(city.policeUser()));
        var location = mvc.perform(post("/meetings").with(coordinator).with(csrf())
                        .param("bodyId", city.steeringGroup().toString()).param("title", "Frühjahr")
                        .param("startsAt", "2027-03-01T10:00").param("endsAt", "2027-03-01T12:00"))
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(post(location + "/action-items").with(coordinator).with(csrf()).param("title", "Dienstplan anpassen")
                .param("owner", city.police().toString()).param("dueOn", "2027-04-01"));
        mvc.perform(post(location + "/action-items").with(coordinator).with(csrf()).param("title", "Leuchten prüfen")
                .param("owner", city.publicOrder().toString()).param("dueOn", "2027-05-01"));

        var filtered = "/action-items?owner=" + city.police() + "&state=open";
        var board = mvc.perform(get(filtered).with(police)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(board).contains("Dienstplan anpassen").doesNotContain("Leuchten prüfen");
        var id = Pattern.compile("/action-items/([0-9a-f-]{36})/progress").matcher(board);
        assertThat(id.find()).as("the owner may report progress").isTrue();

        mvc.perform(post("/action-items/" + id.group(1) + "/progress").with(police).with(csrf())
                        .param("status", "IN_PROGRESS").param("note", "Entwurf liegt vor").param("back", filtered))
                .andExpect(flash().attribute("success", "actionItem.progressRecorded"))
                .andExpect(redirectedUrl(filtered));
        mvc.perform(post("/action-items/" + id.group(1) + "/progress").with(police).with(csrf())
                        .param("status", "DONE").param("back", "https://example.org/"))
                .andExpect(redirectedUrl("/action-items"));

        var csv = mvc.perform(get("/action-items/export.csv?state=all").with(coordinator)).andExpect(status().isOk())
                .andReturn().getResponse();
        assertThat(csv.getContentType()).startsWith("text/csv");
        assertThat(csv.getContentAsString(StandardCharsets.UTF_8))
                .contains("Dienstplan anpassen", "erledigt", "Entwurf liegt vor", "Leuchten prüfen");
    }

    @Test
    void materialIsUploadedToAnAgendaItemAndDownloadedUnderItsName() throws Exception {
        var city = fixtures.city();
        var coordinator = user(fixtures.user(city.coordinator()));
        var location = mvc.perform(post("/meetings").with(coordinator).with(csrf())
                        .param("bodyId", city.steeringGroup().toString()).param("title", "Mit Unterlagen")
                        .param("startsAt", "2027-06-01T10:00").param("endsAt", "2027-06-01T12:00"))
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(post(location + "/agenda").with(coordinator).with(csrf()).param("title", "Stadtpark"));
        var page = mvc.perform(get(location).with(coordinator)).andReturn().getResponse().getContentAsString();
        var upload = Pattern.compile("(/meetings/[0-9a-f-]{36}/agenda/[0-9a-f-]{36}/material)").matcher(page);
        assertThat(upload.find()).isTrue();

        var pdf = "%PDF-1.4 Plan".getBytes(StandardCharsets.US_ASCII);
        mvc.perform(multipart(upload.group(1)).file(new MockMultipartFile("file", "Lageplan Süd.pdf", "application/pdf", pdf))
                        .with(coordinator).with(csrf()))
                .andExpect(flash().attribute("success", "material.attached"));
        mvc.perform(multipart(upload.group(1)).file(new MockMultipartFile("file", "virus.exe", "application/pdf", pdf))
                        .with(coordinator).with(csrf()))
                .andExpect(flash().attribute("problem", startsWith("Erlaubt sind PDF")));

        page = mvc.perform(get(location).with(user(fixtures.user(city.policeUser())))).andReturn().getResponse()
                .getContentAsString();
        var link = Pattern.compile("href=\"(/meetings/[0-9a-f-]{36}/material/[0-9a-f-]{36})\"").matcher(page);
        assertThat(link.find()).isTrue();
        assertThat(page).contains("Lageplan Süd.pdf", "Fassung 1").doesNotContain("virus.exe");
        var file = mvc.perform(get(link.group(1)).with(user(fixtures.user(city.policeUser())))).andExpect(status().isOk())
                .andReturn().getResponse();
        assertThat(file.getContentType()).isEqualTo("application/pdf");
        assertThat(file.getHeader("Content-Disposition")).startsWith("attachment").contains("Lageplan");
        assertThat(file.getContentAsByteArray()).isEqualTo(pdf);
    }
}
