package de.sipa.website;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import javax.xml.parsers.DocumentBuilderFactory;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.w3c.dom.Element;

import de.sipa.Fixtures;
import de.sipa.SipaIntegrationTest;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaPrincipal;
import de.sipa.meetings.MeetingDetails;
import de.sipa.meetings.Meetings;
import de.sipa.partners.Bodies;
import de.sipa.partners.BodyId;
import de.sipa.partners.MembershipDetails;
import de.sipa.partners.MembershipRole;
import de.sipa.places.Deficit;
import de.sipa.places.PlaceDraft;
import de.sipa.places.PlaceOrigin;
import de.sipa.places.Places;

/**
 * The partnership's public website: a joint statement goes public only when every named partner approved it, each
 * for its own organisation; the feed; and the public pages, which need no session, no JavaScript, and show nothing
 * internal.
 */
@SipaIntegrationTest
class WebsiteTests {

    private static final String AREA = "{\"type\":\"Polygon\",\"coordinates\":[[[9.182,48.781],[9.184,48.781],"
            + "[9.184,48.783],[9.182,48.783],[9.182,48.781]]]}";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    NewsPosts news;

    @Autowired
    Places places;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Bodies bodies;

    @Autowired
    Meetings meetings;

    Fixtures.City city;
    String site;

    @BeforeEach
    void aCity() {
        city = fixtures.city();
        site = "/buerger/stadt-" + city.key();
    }

    @Test
    void aJointStatementIsPublicOnlyOnceEveryNamedPartnerApprovedAndDisappearsWhenWithdrawn() throws Exception {
        var id = as(city.coordinator(), () -> news.write(new PostDraft("Gemeinsam am Bahnhof", "Polizei und Stadt",
                "Mehr Streifen am Abend.", List.of(city.police().value(), city.publicOrder().value()))));
        as(city.coordinator(), () -> news.submit(id));
        assertThat(publicTitles()).doesNotContain("Gemeinsam am Bahnhof");

        answer(city.policeUser(), id, "zustimmen");
        assertThat(stateOf(id)).isEqualTo("AWAITING_APPROVAL");
        assertThat(publicTitles()).as("one of two partners approved").doesNotContain("Gemeinsam am Bahnhof");
        mvc.perform(get(site + "/neuigkeiten/" + id)).andExpect(status().isNotFound());

        answer(city.publicOrderUser(), id, "zustimmen");
        assertThat(stateOf(id)).isEqualTo("PUBLISHED");
        assertThat(publicTitles()).contains("Gemeinsam am Bahnhof");
        var page = Jsoup.parse(mvc.perform(get(site + "/neuigkeiten/" + id)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
        assertThat(page.select("#joint-statement").text()).contains("Polizeirevier " + city.key(),
                "Ordnungsamt " + city.key());
        assertThat(page.text()).doesNotContain("Paula Polizei", "Otto Ordnung");

        mvc.perform(post("/website/neuigkeiten/" + id + "/zurueckziehen").with(csrf())
                .with(user(fixtures.user(city.coordinator())))).andExpect(status().is3xxRedirection());
        assertThat(publicTitles()).doesNotContain("Gemeinsam am Bahnhof");
        mvc.perform(get(site + "/neuigkeiten/" + id)).andExpect(status().isNotFound());

        var trail = jdbc.sql("SELECT summary FROM identity_audit_entry WHERE subject_id = ? ORDER BY id")
                .param(id.toString()).query(String.class).list();
        assertThat(trail).hasSize(6);
        assertThat(String.join("\n", trail)).contains("zur Zustimmung gegeben", "Polizeirevier " + city.key()
                + " stimmt zu", "Ordnungsamt " + city.key() + " stimmt zu", "veröffentlicht", "von der Website genommen");
    }

    @Test
    void aDeclineKeepsThePostBackAndAChangeAsksEveryPartnerAgain() throws Exception {
        var id = as(city.coordinator(), () -> news.write(new PostDraft("Entwurf", "Vorspann", "Text",
                List.of(city.police().value()))));
        as(city.coordinator(), () -> news.submit(id));
        mvc.perform(post("/website/neuigkeiten/" + id + "/ablehnen").param("note", "Zahlen stimmen nicht")
                .with(csrf()).with(user(fixtures.user(city.policeUser())))).andExpect(status().is3xxRedirection());
        assertThat(stateOf(id)).isEqualTo("AWAITING_APPROVAL");
        assertThat(jdbc.sql("SELECT decision || ':' || note FROM website_post_approval WHERE post_id = ?")
                .param(id.value()).query(String.class).single()).isEqualTo("DECLINED:Zahlen stimmen nicht");
        assertThat(publicTitles()).doesNotContain("Entwurf");

        as(city.coordinator(), () -> {
            news.change(id, new PostDraft("Entwurf", "Vorspann", "Richtige Zahlen", List.of(city.police().value())));
            return news.submit(id);
        });
        assertThat(jdbc.sql("SELECT decision FROM website_post_approval WHERE post_id = ?").param(id.value())
                .query(String.class).single()).isEqualTo("PENDING");
    }

    @Test
    void aPartnerCannotApproveForAnotherOrganisation() throws Exception {
        var id = as(city.coordinator(), () -> news.write(new PostDraft("Nur Polizei", "Vorspann", "Text",
                List.of(city.police().value()))));
        as(city.coordinator(), () -> news.submit(id));

        mvc.perform(post("/website/neuigkeiten/" + id + "/zustimmen").with(csrf())
                .with(user(fixtures.user(city.publicOrderUser())))).andExpect(status().isForbidden());
        assertThatThrownBy(() -> as(city.publicOrderUser(), () -> news.approve(id)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(city.coordinator(), () -> news.approve(id)))
                .as("the coordination does not approve for a partner").isInstanceOf(AccessDeniedException.class);
        assertThat(stateOf(id)).isEqualTo("AWAITING_APPROVAL");
        assertThat(jdbc.sql("SELECT decision FROM website_post_approval WHERE post_id = ?").param(id.value())
                .query(String.class).single()).isEqualTo("PENDING");

        var other = fixtures.city();
        mvc.perform(post("/website/neuigkeiten/" + id + "/zustimmen").with(csrf())
                .with(user(fixtures.user(other.policeUser())))).andExpect(status().isNotFound());
        assertThat(stateOf(id)).isEqualTo("AWAITING_APPROVAL");
    }

    @Test
    void theFeedIsAtomWithThePublishedPostsEscaped() throws Exception {
        var own = as(city.coordinator(), () -> news.write(new PostDraft("Licht & <Luft> im \"Park\"", "Kurz & gut",
                "<p>Mehr <em>Licht</em></p><script>x()</script>", List.of())));
        as(city.coordinator(), () -> news.submit(own));
        var waiting = as(city.coordinator(), () -> news.write(new PostDraft("Wartet", "Vorspann", "Text",
                List.of(city.police().value()))));
        as(city.coordinator(), () -> news.submit(waiting));

        var response = mvc.perform(get(site + "/neuigkeiten.atom")).andExpect(status().isOk()).andReturn()
                .getResponse();
        assertThat(response.getContentType()).startsWith("application/atom+xml");
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var feed = factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                response.getContentAsString(StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertThat(feed.getNamespaceURI()).isEqualTo(NewsFeed.ATOM);
        assertThat(child(feed, "id").getTextContent()).endsWith(site + "/neuigkeiten");
        assertThat(child(feed, "updated").getTextContent()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(child(child(feed, "author"), "name").getTextContent()).isEqualTo("Stadt " + city.key());
        var links = children(feed, "link").stream().map(l -> l.getAttribute("rel") + " " + l.getAttribute("href"))
                .toList();
        assertThat(links).anyMatch(l -> l.startsWith("self ") && l.endsWith(site + "/neuigkeiten.atom"))
                .anyMatch(l -> l.startsWith("alternate ") && l.endsWith(site + "/neuigkeiten"));

        var entries = children(feed, "entry");
        assertThat(entries).hasSize(1);
        var entry = entries.get(0);
        assertThat(child(entry, "id").getTextContent()).isEqualTo("urn:uuid:" + own);
        assertThat(child(entry, "title").getTextContent()).isEqualTo("Licht & <Luft> im \"Park\"");
        assertThat(child(entry, "summary").getTextContent()).isEqualTo("Kurz & gut");
        assertThat(child(entry, "content").getAttribute("type")).isEqualTo("html");
        assertThat(child(entry, "content").getTextContent()).isEqualTo("<p>Mehr <em>Licht</em></p>");
        assertThat(child(entry, "link").getAttribute("href")).endsWith(site + "/neuigkeiten/" + own);
        assertThat(child(entry, "updated").getTextContent()).isNotBlank();
    }

    @Test
    void everyPublicPageAnswersWithoutSessionAndJavascriptWithOneHeadingASkipLinkAndALanguage() throws Exception {
        var id = as(city.coordinator(), () -> news.write(new PostDraft("Offen", "Vorspann", "Text", List.of())));
        as(city.coordinator(), () -> news.submit(id));
        for (var path : List.of(site, site + "/neuigkeiten", site + "/neuigkeiten?seite=2", site + "/neuigkeiten/" + id,
                site + "/orte")) {
            var result = mvc.perform(get(path)).andExpect(status().isOk()).andReturn();
            assertThat(result.getRequest().getSession(false)).as(path + " opens no session").isNull();
            var page = Jsoup.parse(result.getResponse().getContentAsString());
            assertThat(page.select("h1")).as(path + ": one h1").hasSize(1);
            assertThat(page.select("a.skip-link[href=#main]")).as(path + ": skip link").hasSize(1);
            assertThat(page.select("main#main")).as(path + ": main landmark").hasSize(1);
            assertThat(page.selectFirst("html").attr("lang")).as(path + ": language").isEqualTo("de");
            assertThat(page.select("nav.site-nav a[href]")).as(path + ": the site's navigation as plain links")
                    .extracting(a -> a.attr("href")).contains(site, site + "/neuigkeiten", site + "/melden",
                            site + "/orte", site + "/ehrenamt", site + "/kriminalstatistik");
            assertThat(page.select("[onclick], a[href^=javascript]")).as(path).isEmpty();
            var headings = page.select("h1, h2, h3").stream().map(h -> Integer.parseInt(h.tagName().substring(1)))
                    .toList();
            for (int i = 1; i < headings.size(); i++) {
                assertThat(headings.get(i)).as(path + ": no heading level skipped").isLessThanOrEqualTo(headings.get(i - 1) + 1);
            }
        }
        mvc.perform(get("/buerger/keine-solche-stadt")).andExpect(status().isNotFound());
    }

    @Test
    void publicPagesShowNothingInternal() throws Exception {
        as(city.coordinator(), () -> {
            var shown = places.create(new PlaceDraft("Öffentlicher Park", null, Deficit.BOTH, "Dunkle Wege",
                    city.publicOrder(), null, PlaceOrigin.MANUAL, AREA, null));
            places.publish(shown, true);
            return places.create(new PlaceDraft("Interne Unterführung", null, Deficit.SUBJECTIVE, "intern", null,
                    "Deutsche Bahn", PlaceOrigin.MANUAL, AREA, null));
        });
        var waiting = as(city.coordinator(), () -> news.write(new PostDraft("Noch nicht freigegeben", "Vorspann",
                "Text", List.of(city.police().value()))));
        as(city.coordinator(), () -> news.submit(waiting));
        as(city.coordinator(), () -> news.write(new PostDraft("Nur ein Entwurf", "Vorspann", "Text", List.of())));

        var home = page(site);
        assertThat(home.select("#home-places").text()).contains("Öffentlicher Park");
        assertThat(home.select("#public-bodies").text()).contains("Lenkungsgruppe " + city.key(),
                "Vorsitz: Polizeirevier " + city.key());
        var places = page(site + "/orte");
        assertThat(places.select("#public-places").text()).contains("Öffentlicher Park");
        for (var page : List.of(home, places, page(site + "/neuigkeiten"))) {
            assertThat(page.text()).doesNotContain("Interne Unterführung", "Noch nicht freigegeben",
                    "Nur ein Entwurf", "Polizei-" + city.key(), "Ordnung-" + city.key(), "0123 456-7",
                    "koord-" + city.key());
        }
        assertThat(mvc.perform(get(site + "/neuigkeiten.atom")).andReturn().getResponse().getContentAsString())
                .doesNotContain("Noch nicht freigegeben", "Nur ein Entwurf");
        mvc.perform(get(site + "/neuigkeiten/" + waiting)).andExpect(status().isNotFound());
    }

    @Test
    void aConfidentialBodyNeverAppearsOnAnyPublicPageOrFeedNorItsMembersOrMeetings() throws Exception {
        var coordinator = user(fixtures.user(city.coordinator()));
        var created = mvc.perform(post("/bodies").with(csrf()).with(coordinator).param("name", "Fallkonferenz " + city.key())
                .param("shortName", "FK").param("kind", "WORKING_GROUP").param("description", "Einzelfälle")
                .param("confidential", "true").param("_confidential", "on"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        var body = new BodyId(UUID.fromString(created.substring(created.lastIndexOf('/') + 1)));
        var meeting = as(city.coordinator(), () -> {
            // the clerk sits in no other body: naming them would reveal the confidential one
            bodies.join(body, new MembershipDetails(city.clerk().value(), MembershipRole.CHAIR, LocalDate.of(2024, 1, 1),
                    null));
            return meetings.schedule(new MeetingDetails(body.value(), "Fallbesprechung " + city.key(),
                    LocalDateTime.now().plusDays(3), LocalDateTime.now().plusDays(3).plusHours(1), "Revier", null));
        });
        assertThat(Jsoup.parse(mvc.perform(get("/bodies/" + body.value()).with(coordinator)).andReturn().getResponse()
                .getContentAsString()).select("#confidential-badge")).as("marked in SiPa").hasSize(1);

        var home = page(site);
        assertThat(home.select("#public-bodies").text()).as("the public bodies with their member organisations")
                .contains("Lenkungsgruppe " + city.key(), "Mitglieder aus: Polizeirevier " + city.key())
                .doesNotContain("Ordnungsamt " + city.key());
        var oparl = "/oparl/v1.1/bodies/stadt-" + city.key();
        for (var path : List.of(site, site + "/neuigkeiten", site + "/neuigkeiten.atom", site + "/orte",
                site + "/berichte", oparl, oparl + "/organizations", oparl + "/people", oparl + "/memberships",
                oparl + "/meetings", oparl + "/agenda-items", oparl + "/files")) {
            var response = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse();
            response.setCharacterEncoding("UTF-8");
            assertThat(response.getContentAsString()).as(path).doesNotContain("Fallkonferenz", "Fallbesprechung",
                    body.value().toString(), meeting.value().toString(), "Ordnung-" + city.key());
        }
        mvc.perform(get(oparl + "/organizations/" + body.value())).andExpect(status().isNotFound());
        mvc.perform(get(oparl + "/meetings/" + meeting.value())).andExpect(status().isNotFound());
        mvc.perform(get(oparl + "/people/" + city.clerk().value())).andExpect(status().isNotFound());
    }

    private org.jsoup.nodes.Document page(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    private List<String> publicTitles() throws Exception {
        var titles = new ArrayList<>(page(site + "/neuigkeiten").select("#news h2").eachText());
        titles.addAll(page(site).select("#latest-news h3").eachText());
        return titles;
    }

    private void answer(String username, NewsPostId id, String step) throws Exception {
        mvc.perform(post("/website/neuigkeiten/" + id + "/" + step).with(csrf()).with(user(fixtures.user(username))))
                .andExpect(status().is3xxRedirection());
    }

    private String stateOf(NewsPostId id) {
        return jdbc.sql("SELECT status FROM website_post WHERE id = ?").param(id.value()).query(String.class).single();
    }

    private static Element child(Element parent, String name) {
        return children(parent, name).get(0);
    }

    private static List<Element> children(Element parent, String name) {
        var found = new ArrayList<Element>();
        var nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && name.equals(e.getLocalName())
                    && NewsFeed.ATOM.equals(e.getNamespaceURI())) {
                found.add(e);
            }
        }
        return found;
    }

    private <T> T as(String username, Supplier<T> work) {
        var principal = (SipaPrincipal) fixtures.user(username);
        return CurrentUser.runAs(principal.sipaUser(), work);
    }
}
