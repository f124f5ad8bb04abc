package de.sipa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Every page a user reaches by following links, as each demo role and as the public, on the Musterstadt demo:
 * none answers 5xx, and none shows in its visible text "null", an unresolved message key ({@code ??key??}), a raw
 * enum name ({@code IN_PROGRESS}, {@code COORDINATOR}), a type name of the code ({@code DeploymentPlan}), an account
 * name where a person is meant ({@code polizei}; where the account itself is meant, the page marks it
 * {@code class="account-login"})
 * or a year written as a number ("2.026"); no element carries a {@code style} attribute (the content security policy
 * allows style sheets only, so the browser would drop it); every form field, link, button and image has a name a
 * screen reader can announce, no id is used twice, and the page says its language (BITV 2.0); no link leads to a
 * page the user may not see (403) or that
 * is not there (404); and following links changes no data. The test crawls from the start
 * pages, so a new page is covered as soon as a page links to it.
 */
@DemoIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AllPagesTests {

    /** Pages fetched per role at most. */
    private static final int MAX_PAGES = 400;
    /**
     * Pages fetched per URL pattern (path and query with ids and numbers collapsed), so 500 reports count as a few:
     * the first two found anywhere, and then the first one linked from each other kind of page (the queue filtered by
     * status lists a report in that status), up to six.
     */
    private static final int SAMPLES_PER_PATTERN = 2;
    private static final int SAMPLES_PER_PATTERN_FROM_OTHER_PAGES = 6;

    private static final Pattern NULL = Pattern.compile("\\bnull\\b");
    /** Thymeleaf's "??key_de??"; the key may be anything a page computed, blanks and markup included. */
    private static final Pattern MESSAGE_KEY = Pattern.compile("\\?\\?(?:[^\\s?]+|[^?]{1,300}?_[a-z]{2}(?:_[A-Z]{2})?)\\?\\?");
    private static final Pattern CONSTANT_CASE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");
    private static final Pattern CAPITALS = Pattern.compile("\\b[A-Z][A-Z0-9]{2,}\\b");
    /** A type name of the code ("DeploymentPlan") where a label belongs; not a law's abbreviation ("GewSchG"). */
    private static final Pattern CAMEL_CASE = Pattern.compile("\\b[A-Z][a-z]{2,}(?:[A-Z][a-z]{2,})+\\b");
    /** A year formatted as a number ("Dienstplan 2.026"). */
    private static final Pattern YEAR_AS_NUMBER = Pattern.compile("(?<![\\d.,])2\\.0\\d\\d(?![\\d.,])");
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{24,}");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    /**
     * Links not followed: leaving the session, anything whose name sounds destructive (GET changes nothing anyway),
     * and the language switch (the same pages in English; MessagesTests keeps the English texts complete).
     */
    private static final Pattern NOT_FOLLOWED = Pattern.compile("(?i)logout|delete|remove|[?&]lang=");
    /**
     * Tables a GET may write to: the sessions, and the secret calendar feed tokens, created when a user first sees
     * the page that shows their feed's address; the annual report's draft of a year with its chapters, created when
     * the year is first opened; and the scheduler's locks, which the background jobs take meanwhile.
     * The contact point's day figures are left out as well ({@link TenantRows#DERIVED}).
     */
    private static final Set<String> WRITTEN_BY_READING = Set.of("spring_session", "spring_session_attributes",
            "meetings_calendar_feed", "operations_patrol_feed", "annualreport_report", "annualreport_chapter",
            "database_shedlock");
    /**
     * Tables compared in part: the audit trail without its EXPORTED entries (a download of a PDF or CSV is recorded),
     * the outbox without its delivery state (the background job sends the demo's mails meanwhile).
     */
    private static final Map<String, String> COMPARED_IN_PART = Map.of(
            "identity_audit_entry", "(SELECT * FROM identity_audit_entry WHERE action <> 'EXPORTED')",
            "notifications_mail", "(SELECT id, recipient, subject, body, created_at FROM notifications_mail)");

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    private Set<String> enumConstants;
    /** Words the German texts use themselves (PDF, CSV, JPEG, SiPa): words, even where an enum has the same name. */
    private final Set<String> wordsOfTheTexts = new java.util.HashSet<>();
    private Pattern accountNames;

    @BeforeAll
    void collectTheEnumConstantsOfTheApplication() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(Enum.class));
        enumConstants = new TreeSet<>();
        for (var definition : scanner.findCandidateComponents("de.sipa")) {
            for (var constant : Class.forName(definition.getBeanClassName()).getEnumConstants()) {
                enumConstants.add(((Enum<?>) constant).name());
            }
        }
        var messages = new java.util.Properties();
        try (var in = getClass().getResourceAsStream("/messages.properties")) {
            messages.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        messages.values().forEach(text -> Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS)
                .matcher(text.toString()).results().forEach(word -> wordsOfTheTexts.add(word.group())));
        enumConstants.removeAll(wordsOfTheTexts);
        assertThat(enumConstants).contains("IN_PROGRESS", "COORDINATOR");
    }

    @BeforeAll
    void collectTheAccountNames() {
        var names = new ArrayList<>(jdbc.sql("SELECT username FROM identity_account").query(String.class).list());
        names.add("system");
        accountNames = Pattern.compile("(?<![\\w@.-])(" + names.stream().map(Pattern::quote)
                .collect(Collectors.joining("|")) + ")(?![\\w@-]|\\.\\w)");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"admin", "koordination", "polizei", "ordnungsamt", "jugendamt", "lenkung", "kreis", "land"})
    void everyPageOfARoleShowsNamesAndLabelsAndNoServerError(String username) throws Exception {
        var crawl = crawl(user(users.loadUserByUsername(username)), List.of("/"));

        assertThat(crawl.problems).as("problems on the pages of %s", username).isEmpty();
        assertThat(crawl.fetched).as("pages of %s", username).hasSizeGreaterThan(10);
    }

    @Test
    void everyPublicPageShowsNamesAndLabelsAndNoServerError() throws Exception {
        var start = new ArrayList<>(List.of("/", "/login", "/buerger/musterstadt/melden", "/buerger/musterstadt/karte"));
        // The status pages are reached through the link in the citizen's confirmation mail: one per status.
        start.addAll(jdbc.sql("""
                SELECT DISTINCT ON (status) '/buerger/anliegen/' || token FROM reports_report
                ORDER BY status, submitted_at DESC""").query(String.class).list());
        // Survey waves on the web are reached through a link on a letter, a flyer or the town's website.
        start.addAll(jdbc.sql("""
                SELECT '/buerger/' || p.slug || '/umfragen/' || w.id FROM surveys_wave w
                JOIN partners_partnership p ON p.id = w.partnership_id WHERE w.mode <> 'EXTERNAL'""")
                .query(String.class).list());

        var crawl = crawl(anonymous(), start);

        assertThat(crawl.problems).as("problems on the public pages").isEmpty();
        assertThat(crawl.fetched).as("public pages").hasSizeGreaterThan(5);
    }

    private Crawl crawl(RequestPostProcessor who, List<String> start) throws Exception {
        var before = snapshot();
        var crawl = new Crawl();
        start.forEach(crawl::start);
        while (!crawl.queue.isEmpty() && crawl.fetched.size() < MAX_PAGES) {
            var url = crawl.queue.poll();
            crawl.fetched.add(url);
            var started = System.nanoTime();
            visit(who, url, crawl);
            crawl.millis.put(url, (System.nanoTime() - started) / 1_000_000);
        }
        System.out.printf("AllPagesTests: %d pages in %d ms, %d problems; links answered 4xx: %s%n",
                crawl.fetched.size(), crawl.millis.values().stream().mapToLong(Long::longValue).sum(),
                crawl.problems.size(), crawl.clientErrors);
        var after = snapshot();
        var changed = before.keySet().stream().filter(table -> !before.get(table).equals(after.get(table))).toList();
        if (!changed.isEmpty()) {
            crawl.problems.add("following links changed the tables " + changed);
        }
        return crawl;
    }

    private void visit(RequestPostProcessor who, String url, Crawl crawl) throws Exception {
        var from = crawl.referrer.get(url);
        org.springframework.mock.web.MockHttpServletResponse response;
        try {
            // The servlet path as Tomcat gives it (MockMvc leaves it empty, and refuses one ending in a slash): public
            // pages serve all partnerships by it, also to a user logged in to another one.
            var uri = URI.create(url);
            var path = uri.getRawPath();
            response = mvc.perform(get(uri).servletPath(path.endsWith("/") ? "" : path).with(who)
                    .accept(MediaType.TEXT_HTML, MediaType.ALL)).andReturn().getResponse();
        } catch (Exception e) {
            var cause = e;
            while (cause.getCause() instanceof Exception inner) {
                cause = inner;
            }
            crawl.problems.add("5xx " + url + " (linked from " + from + "): " + cause);
            return;
        }
        if (response.getStatus() >= 500) {
            crawl.problems.add(response.getStatus() + " " + url + " (linked from " + from + ")");
            return;
        }
        if (response.getStatus() >= 300 && response.getStatus() < 400 && response.getRedirectedUrl() != null) {
            var location = response.getRedirectedUrl();
            crawl.offer(sameOrigin(location, URI.create("http://localhost" + url).resolve(location).toString()), url);
            return;
        }
        if (response.getStatus() == 403 || response.getStatus() == 404) {
            crawl.problems.add("a link to a page the user may not see: " + response.getStatus() + " " + url
                    + " (linked from " + from + ")");
        } else if (response.getStatus() >= 400) {
            crawl.clientErrors.add(response.getStatus() + " " + url + " (linked from " + from + ")");
        }
        var type = response.getContentType();
        if (response.getStatus() >= 400 || type == null || !type.startsWith("text/html")) {
            return;
        }
        var page = Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8), "http://localhost" + url);
        check(url, page, crawl.problems);
        page.select("a[href]").forEach(a -> crawl.offer(sameOrigin(a.attr("href"), a.absUrl("href")), url));
        page.select("[hx-get]").forEach(e -> crawl.offer(sameOrigin(e.attr("hx-get"), e.absUrl("hx-get")), url));
        if (!url.contains("?")) {
            // Forms are filled in on the unfiltered page only: one filter at a time, not every combination.
            page.select("form").forEach(form -> filled(form, url).forEach(filled -> crawl.offer(filled, url)));
        }
    }

    private void check(String url, Document page, Set<String> problems) {
        // An account's login name may be shown where the account is the subject (the list of accounts, the audit
        // trail's descriptions such as "Konto polizei angelegt"): marked class="account-login".
        page.select(".account-login").remove();
        // A second factor's secret is random Base32: any capital word (BOTH, OPEN …) may turn up in it.
        page.select(".totp-secret").remove();
        var text = page.title() + " " + visibleText(page);
        find(accountNames, text).forEach(hit -> problems.add("account name instead of a name on " + url + ": …" + hit + "…"));
        find(YEAR_AS_NUMBER, text).forEach(hit -> problems.add("year as a number on " + url + ": …" + hit + "…"));
        find(NULL, text).forEach(hit -> problems.add("\"null\" on " + url + ": …" + hit + "…"));
        find(MESSAGE_KEY, text).forEach(hit -> problems.add("message key on " + url + ": …" + hit + "…"));
        page.getAllElements().forEach(element -> element.attributes().forEach(attribute -> {
            if (MESSAGE_KEY.matcher(attribute.getValue()).find()) {
                problems.add("message key in " + attribute.getKey() + " on " + url + ": " + attribute.getValue());
            }
        }));
        page.select("[style]").forEach(element -> problems.add("inline style, which the content security policy drops, on "
                + url + ": <" + element.tagName() + " style=\"" + element.attr("style") + "\">"));
        unnamed(page).forEach(element -> problems.add("without a name for screen readers on " + url + ": " + element));
        find(CONSTANT_CASE, text).forEach(hit -> problems.add("raw enum name on " + url + ": …" + hit + "…"));
        var capitals = CAPITALS.matcher(text);
        while (capitals.find()) {
            if (enumConstants.contains(capitals.group()) && !capitals.group().contains("_")) {
                problems.add("raw enum name on " + url + ": …" + context(text, capitals.start(), capitals.end()) + "…");
            }
        }
        var camelCase = CAMEL_CASE.matcher(text);
        while (camelCase.find()) {
            if (!wordsOfTheTexts.contains(camelCase.group())) {
                problems.add("type name on " + url + ": …" + context(text, camelCase.start(), camelCase.end()) + "…");
            }
        }
    }

    /**
     * What a screen reader would announce without a name (BITV 2.0, WCAG 2.1 1.1.1, 1.3.1, 3.1.1 and 4.1.2): a form
     * field with no {@code <label>} with text around it or pointing at it, no {@code aria-label} and no
     * {@code aria-labelledby} naming an element with text ({@link Browser#unlabelledFields} asks the same in a browser
     * for the forms it fills in); an image without {@code alt}; a link or button without text, label or title; an id
     * used twice (a label pointing at it may name the wrong field); a page without its language.
     */
    private static List<String> unnamed(Document page) {
        var unnamed = new ArrayList<String>();
        for (var field : page.select("input, select, textarea")) {
            var type = field.attr("type").toLowerCase(java.util.Locale.ROOT);
            if (List.of("hidden", "submit", "button", "reset", "image").contains(type)) {
                continue;
            }
            var id = field.id();
            var byLabel = field.parents().stream().anyMatch(p -> p.tagName().equals("label") && p.hasText())
                    || (!id.isEmpty() && page.select("label[for]").stream()
                            .anyMatch(l -> l.attr("for").equals(id) && l.hasText()));
            var byAria = !field.attr("aria-label").isBlank();
            var byReference = java.util.Arrays.stream(field.attr("aria-labelledby").split("\\s+"))
                    .anyMatch(ref -> !ref.isEmpty() && page.getElementById(ref) != null && page.getElementById(ref).hasText());
            if (!(byLabel || byAria || byReference)) {
                unnamed.add("<" + field.tagName() + (id.isEmpty() ? "" : " id=\"" + id + "\"")
                        + " name=\"" + field.attr("name") + "\"" + (type.isEmpty() ? "" : " type=\"" + type + "\"") + ">");
            }
        }
        page.select("img:not([alt])").forEach(img -> unnamed.add("<img src=\"" + img.attr("src") + "\"> without alt"));
        page.select("a[href], button").stream()
                .filter(e -> !e.hasText() && e.attr("aria-label").isBlank() && e.attr("title").isBlank()
                        && e.select("img[alt~=\\S]").isEmpty())
                .forEach(e -> unnamed.add("<" + e.tagName() + "> without text: " + e.outerHtml()));
        var ids = new java.util.HashSet<String>();
        page.select("[id]").stream().map(org.jsoup.nodes.Element::id).filter(id -> !ids.add(id))
                .forEach(id -> unnamed.add("id \"" + id + "\" twice"));
        if (page.selectFirst("html[lang]") == null) {
            unnamed.add("no language on <html>");
        }
        return unnamed;
    }

    /**
     * A search or filter form (method GET) as sent with its preset values, and once more for each other option of
     * each list and each unticked box, one at a time: the queue by each status, the roster per organisation.
     */
    private static List<String> filled(org.jsoup.nodes.Element form, String page) {
        if (!form.attr("method").isBlank() && !form.attr("method").equalsIgnoreCase("get")) {
            return List.of();
        }
        var action = sameOrigin(form.hasAttr("action") ? form.attr("action") : page,
                form.hasAttr("action") ? form.absUrl("action") : "http://localhost" + page);
        if (action == null) {
            return List.of();
        }
        var preset = new ArrayList<Map.Entry<String, String>>();
        var variants = new ArrayList<Map.Entry<String, String>>();
        for (var field : form.select("input[name], select[name], textarea[name]")) {
            var name = field.attr("name");
            var type = field.attr("type").toLowerCase(java.util.Locale.ROOT);
            if (field.tagName().equals("select")) {
                var options = field.select("option");
                var chosen = options.stream().filter(o -> o.hasAttr("selected")).findFirst()
                        .or(() -> options.stream().findFirst());
                chosen.ifPresent(o -> preset.add(Map.entry(name, o.val())));
                options.stream().filter(o -> chosen.isEmpty() || o != chosen.get())
                        .forEach(o -> variants.add(Map.entry(name, o.val())));
            } else if (type.equals("checkbox") || type.equals("radio")) {
                var value = field.hasAttr("value") ? field.val() : "on";
                (field.hasAttr("checked") ? preset : variants).add(Map.entry(name, value));
            } else if (!List.of("submit", "button", "reset", "image", "file").contains(type)) {
                preset.add(Map.entry(name, field.tagName().equals("textarea") ? field.text() : field.val()));
            }
        }
        var urls = new ArrayList<String>();
        urls.add(withQuery(action, preset));
        for (var variant : variants) {
            var changed = new ArrayList<>(preset.stream().filter(p -> !p.getKey().equals(variant.getKey())).toList());
            changed.add(variant);
            urls.add(withQuery(action, changed));
        }
        return urls;
    }

    private static String withQuery(String action, List<Map.Entry<String, String>> parameters) {
        var path = action.contains("?") ? action.substring(0, action.indexOf('?')) : action;
        return path + "?" + parameters.stream().map(p -> java.net.URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8)
                + "=" + java.net.URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    /** The text of the page, one space between the texts of elements (jsoup's text() runs options together). */
    private static String visibleText(Document page) {
        var text = new StringBuilder();
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof TextNode textNode) {
                text.append(textNode.text()).append(' ');
            }
        }, page.body());
        return StringUtil.normaliseWhitespace(text.toString()).strip();
    }

    private static List<String> find(Pattern pattern, String text) {
        var hits = new ArrayList<String>();
        var matcher = pattern.matcher(text);
        while (matcher.find()) {
            hits.add(context(text, matcher.start(), matcher.end()));
        }
        return hits;
    }

    private static String context(String text, int start, int end) {
        return text.substring(Math.max(0, start - 50), Math.min(text.length(), end + 30));
    }

    /**
     * The path and query of a link on the application, or null for links elsewhere, anchors, mail and phone.
     *
     * @param absolute the link resolved against its page as a browser does (jsoup; {@link URI#resolve} drops the last
     *        path segment for a link that is only a query, such as the language switch {@code ?lang=en})
     */
    private static String sameOrigin(String href, String absolute) {
        if (href == null || href.isBlank() || href.startsWith("#") || absolute.isEmpty()) {
            return null;
        }
        URI target;
        try {
            target = URI.create(absolute);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!"http".equals(target.getScheme()) || !"localhost".equals(target.getHost()) || target.getRawPath() == null) {
            return null;
        }
        return target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
    }

    /** A URL with ids, tokens and numbers collapsed and its parameters sorted: the pages of one template. */
    static String pattern(String url) {
        var question = url.indexOf('?');
        var path = collapse(question < 0 ? url : url.substring(0, question));
        if (question < 0) {
            return path;
        }
        var parameters = new TreeMap<String, String>();
        for (var pair : url.substring(question + 1).split("&")) {
            var equals = pair.indexOf('=');
            var name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            var value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.put(name, collapse(value));
        }
        return path + "?" + parameters.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
    }

    private static String collapse(String text) {
        var withoutIds = UUID.matcher(text).replaceAll("{id}");
        var withoutTokens = TOKEN.matcher(withoutIds).replaceAll("{token}");
        return DIGITS.matcher(withoutTokens).replaceAll("9");
    }

    /** Per table its row count and a hash of its rows, to show that following links changed nothing. */
    private Map<String, String> snapshot() {
        var tables = jdbc.sql("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name""")
                .query(String.class).list();
        var snapshot = new LinkedHashMap<String, String>();
        for (var table : tables) {
            if (!WRITTEN_BY_READING.contains(table) && !TenantRows.DERIVED.contains(table)) {
                var rows = COMPARED_IN_PART.getOrDefault(table, table);
                snapshot.put(table, jdbc.sql("SELECT count(*) || ':' || coalesce(md5(string_agg(md5(t::text), '' "
                        + "ORDER BY md5(t::text))), '') FROM " + rows + " t").query(String.class).single());
            }
        }
        return snapshot;
    }

    private static final class Crawl {
        final ArrayDeque<String> queue = new ArrayDeque<>();
        final Set<String> seen = new LinkedHashSet<>();
        final Map<String, Integer> perPattern = new HashMap<>();
        final Set<String> perSource = new java.util.HashSet<>();
        final Map<String, String> referrer = new HashMap<>();
        final List<String> fetched = new ArrayList<>();
        final Map<String, Long> millis = new HashMap<>();
        final List<String> clientErrors = new ArrayList<>();
        final Set<String> problems = new LinkedHashSet<>();

        void start(String url) {
            seen.add(url);
            perPattern.merge(pattern(url), 1, Integer::sum);
            referrer.put(url, "start");
            queue.add(url);
        }

        void offer(String url, String from) {
            if (url == null || NOT_FOLLOWED.matcher(url).find() || !seen.add(url)) {
                return;
            }
            var pattern = pattern(url);
            var found = perPattern.getOrDefault(pattern, 0);
            var firstFromThisKindOfPage = perSource.add(pattern + " from " + pattern(from));
            if (found >= SAMPLES_PER_PATTERN
                    && (!firstFromThisKindOfPage || found >= SAMPLES_PER_PATTERN_FROM_OTHER_PAGES)) {
                seen.remove(url);
                return;
            }
            perPattern.put(pattern, found + 1);
            referrer.put(url, from);
            queue.add(url);
        }
    }
}
