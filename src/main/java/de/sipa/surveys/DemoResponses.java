package de.sipa.surveys;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import de.sipa.partners.District;
import de.sipa.partners.Partnerships;
import de.sipa.shared.DemoStory;
import de.sipa.shared.PartnershipId;

/**
 * Generated survey answers for the demo ({@link SurveyResponsesDemo}): for every wave that is not open and has no responses yet, about 2,000 generated
 * responses that answer every question of its questionnaire by kind and comparable key. The sense of security improves
 * over the waves, most in the district of the Palastgarten (lighting, joint patrols), a little where the partnership
 * was active, hardly at all in Süd and Hafen, where it did nothing. Women and older people feel less safe at night,
 * young men safer; older people answer more often and the harbour less, so weighting matters. The population
 * structure for weighting is entered too, if the coordination has not entered one. Seeded, so every load is the same.
 */
@Component
class DemoResponses {

    private static final Logger log = LoggerFactory.getLogger(DemoResponses.class);
    static final int RESPONSES_PER_WAVE = 2_000;
    /** Where the Palastgarten lies (IncidentsDemo.PALASTGARTEN, PlacesDemo's outline). */
    private static final double PALASTGARTEN_LATITUDE = 48.7818;
    private static final double PALASTGARTEN_LONGITUDE = 9.1832;

    /** Inhabitants (16 and older) per Musterstadt district. */
    static final Map<String, Long> INHABITANTS = Map.of("Mitte", 38_400L, "Nord", 51_900L, "Ost", 24_300L,
            "Süd", 60_800L, "West", 32_700L, "Hafen", 11_900L);
    /** Share of the inhabitants per age band (16 and older), split 51 % women, 48.5 % men, 0.5 % diverse. */
    static final Map<String, Double> AGE_SHARES = new LinkedHashMap<>();
    static {
        AGE_SHARES.put("16_24", 0.12);
        AGE_SHARES.put("25_34", 0.16);
        AGE_SHARES.put("35_44", 0.15);
        AGE_SHARES.put("45_54", 0.16);
        AGE_SHARES.put("55_64", 0.17);
        AGE_SHARES.put("65_74", 0.13);
        AGE_SHARES.put("75_PLUS", 0.11);
    }
    private static final Map<String, Double> GENDER_SHARES = Map.of("FEMALE", 0.51, "MALE", 0.485, "DIVERSE", 0.005);
    /** Who answers more or less often than their share of the population. */
    private static final Map<String, Double> AGE_RESPONSE = Map.of("16_24", 0.55, "25_34", 0.75, "35_44", 0.9,
            "45_54", 1.05, "55_64", 1.25, "65_74", 1.45, "75_PLUS", 1.1);
    private static final Map<String, Double> DISTRICT_RESPONSE = Map.of("Mitte", 1.1, "Nord", 1.05, "Ost", 1.0,
            "Süd", 1.0, "West", 0.95, "Hafen", 0.6);
    /** Share feeling unsafe at night at the first wave, and how much it falls until the last. */
    private static final Map<String, double[]> UNSAFE = Map.of("Mitte", new double[] {0.52, 0.24},
            "Nord", new double[] {0.30, 0.06}, "Ost", new double[] {0.36, 0.07}, "West", new double[] {0.40, 0.08},
            "Süd", new double[] {0.29, 0.01}, "Hafen", new double[] {0.46, 0.0});

    static final List<String> WISHES = List.of(
            "Mehr Beleuchtung auf den Fußwegen, besonders im Park.",
            "Die Lampen im Palastgarten sind jetzt viel besser, danke!",
            "Mehr Polizeipräsenz am Abend am Hauptbahnhof.",
            "Öfter Fußstreifen von Polizei und Ordnungsamt.",
            "Die Unterführung am Bahnhof ist nachts ein Angstraum.",
            "Mehr Mülleimer und häufiger leeren.",
            "Die Hecken an den Wegen sollten zurückgeschnitten werden.",
            "Ein Nachttaxi für Frauen zum Sonderpreis wäre gut.",
            "Mehr Angebote für Jugendliche, damit sie nicht nur herumstehen.",
            "Die Bushaltestelle ist schlecht beleuchtet.",
            "Schneller reagieren, wenn man etwas meldet.",
            "Am Hafen passiert gar nichts, da müsste man auch etwas tun.",
            "Weniger Raser in der Wohnstraße, mehr Kontrollen.",
            "Graffiti schneller entfernen.",
            "Mehr Sozialarbeit am Bahnhofsvorplatz statt nur Kontrollen.",
            "Die Radwege sind abends zu dunkel.",
            "Ich fühle mich in meinem Viertel wohl, weiter so.",
            "Hundekot auf den Gehwegen ist ein Ärgernis.",
            "Sichtbarer Ansprechpartner im Stadtteil, den man kennt.",
            "Mehr Videoüberwachung an Bahnhöfen.",
            "Keine Videoüberwachung, lieber mehr Licht und Menschen.",
            "Die Trinkerszene am Marktplatz stört.",
            "Lärm durch Partys am Wochenende am Neckarufer.",
            "Bessere Information über die Projekte der Sicherheitspartnerschaft.",
            "Die Begehungen mit Anwohnern waren eine gute Idee.",
            "Mehr Streetworker im Neckarblick.",
            "Der Weg vom Parkhaus zur Innenstadt ist nachts unheimlich.",
            "Ältere Menschen brauchen mehr Sitzbänke und Licht.",
            "Ein Frauen-Nachtbus wäre wichtig.",
            "Die Spielplätze werden abends als Treffpunkt genutzt, das stört.",
            "Schnellere Reparatur kaputter Laternen.",
            "Mehr Präventionsangebote an Schulen.",
            "Bitte die Fahrradständer am Bahnhof besser überwachen, dort wird viel gestohlen.",
            "Die Polizei sollte mehr zu Fuß unterwegs sein.",
            "Die Sicherheitslage hat sich aus meiner Sicht verbessert.");

    private final Partnerships partnerships;
    private final Surveys surveys;
    private final SurveyResults results;
    private final ResponseBatch batch;
    private final Clock clock;

    DemoResponses(Partnerships partnerships, Surveys surveys, SurveyResults results, ResponseBatch batch,
            Clock clock) {
        this.partnerships = partnerships;
        this.surveys = surveys;
        this.results = results;
        this.batch = batch;
        this.clock = clock;
    }

    /** Answers the partnership's waves that are not open and have no responses yet; run as the partnership. */
    void load(PartnershipId partnership) {
        var districts = partnerships.districts();
        if (!results.population().hasDistricts()) {
            results.enterPopulation(population(districts));
        }
        var palastgarten = partnerships.locate(partnership, PALASTGARTEN_LATITUDE, PALASTGARTEN_LONGITUDE, 0)
                .district().map(d -> d.value()).orElse(null);
        var waves = surveys.waves().stream().filter(w -> w.mode() != WaveMode.OPEN)
                .sorted(Comparator.comparing(SurveyWave::opensOn).thenComparing(SurveyWave::title)).toList();
        for (int i = 0; i < waves.size(); i++) {
            var wave = waves.get(i);
            if (surveys.responses(wave.id()) > 0 || wave.opensOn().isAfter(LocalDate.now(clock))) {
                continue; // answered before, or not begun yet
            }
            double progress = waves.size() == 1 ? 0 : (double) i / (waves.size() - 1);
            var questionnaire = surveys.questionnaire(wave.questionnaire());
            var random = new Random(DemoStory.SEED + 31L * i);
            var generator = new Generator(questionnaire, districts, palastgarten, progress, random,
                    LocalDate.now(clock));
            var responses = new ArrayList<ResponseBatch.Response>();
            for (int r = 0; r < RESPONSES_PER_WAVE - 40 + random.nextInt(80); r++) {
                responses.add(generator.response(wave));
            }
            batch.insert(partnership, wave.id(), responses);
            log.info("Demo: {} survey responses for wave {}", responses.size(), wave.title());
        }
    }

    static Population population(List<District> districts) {
        var byDistrict = new HashMap<UUID, Long>();
        districts.forEach(d -> byDistrict.put(d.id().value(), INHABITANTS.getOrDefault(d.name(), 20_000L)));
        long total = byDistrict.values().stream().mapToLong(Long::longValue).sum();
        var cells = new HashMap<Population.AgeGender, Long>();
        AGE_SHARES.forEach((age, share) -> GENDER_SHARES.forEach((gender, genderShare) -> {
            double older = age.equals("75_PLUS") ? (gender.equals("FEMALE") ? 1.25 : 0.75) : 1; // women live longer
            cells.put(new Population.AgeGender(age, gender), Math.round(total * share * genderShare * older));
        }));
        return new Population(byDistrict, cells);
    }

    /** Generates the responses of one wave. */
    static final class Generator {

        private final Questionnaire questionnaire;
        private final List<District> districts;
        private final UUID palastgarten;
        private final double progress;
        private final Random random;
        private final double[] districtWeights;
        private final List<String[]> cells = new ArrayList<>();
        private final double[] cellWeights;
        private final LocalDate today;

        Generator(Questionnaire questionnaire, List<District> districts, UUID palastgarten, double progress,
                Random random, LocalDate today) {
            this.today = today;
            this.questionnaire = questionnaire;
            this.districts = districts;
            this.palastgarten = palastgarten;
            this.progress = progress;
            this.random = random;
            districtWeights = districts.stream().mapToDouble(d -> INHABITANTS.getOrDefault(d.name(), 20_000L)
                    * DISTRICT_RESPONSE.getOrDefault(d.name(), 1.0)).toArray();
            var weights = new ArrayList<Double>();
            AGE_SHARES.forEach((age, share) -> GENDER_SHARES.forEach((gender, genderShare) -> {
                cells.add(new String[] {age, gender});
                weights.add(share * genderShare * AGE_RESPONSE.get(age) * (gender.equals("FEMALE") ? 1.08 : 0.92));
            }));
            cellWeights = weights.stream().mapToDouble(Double::doubleValue).toArray();
        }

        ResponseBatch.Response response(SurveyWave wave) {
            var district = districts.isEmpty() ? null : districts.get(pick(districtWeights));
            var cell = cells.get(pick(cellWeights));
            String age = cell[0];
            String gender = cell[1];
            double unsafe = unsafe(district, age, gender);
            var chosen = new HashMap<UUID, Set<String>>();
            var answers = new ArrayList<ResponseBatch.Answer>();
            boolean answersDemographics = random.nextDouble() > 0.03;
            for (var question : questionnaire.questions()) {
                if (question.condition() != null && chosen.getOrDefault(question.condition().question().value(),
                        Set.of()).stream().noneMatch(question.condition().codes()::contains)) {
                    continue;
                }
                if (!question.required() && random.nextDouble() < 0.02) {
                    continue; // left out
                }
                var codes = answer(question, district, age, gender, unsafe, answersDemographics);
                chosen.put(question.id().value(), new HashSet<>(codes));
                for (var code : codes) {
                    answers.add(switch (question.kind()) {
                        case NUMBER -> new ResponseBatch.Answer(question.id().value(), null, Integer.valueOf(code), null);
                        case FREE_TEXT -> new ResponseBatch.Answer(question.id().value(), null, null, code);
                        default -> new ResponseBatch.Answer(question.id().value(), code, null, null);
                    });
                }
            }
            boolean hasDistrict = answersDemographics && district != null;
            long days = wave.closesOn().toEpochDay() - wave.opensOn().toEpochDay();
            var day = wave.opensOn().plusDays(days <= 0 ? 0 : random.nextLong(days + 1));
            return new ResponseBatch.Response(day.isAfter(today) ? wave.opensOn() : day,
                    wave.mode() == WaveMode.EXTERNAL ? "IMPORT" : "WEB", hasDistrict ? district.id().value() : null,
                    answersDemographics ? age : null, answersDemographics ? gender : null, answers);
        }

        /** The chance of feeling unsafe alone at night in one's area. */
        private double unsafe(District district, String age, String gender) {
            var trend = district == null ? new double[] {0.38, 0.04}
                    : district.id().value().equals(palastgarten) ? new double[] {0.52, 0.24}
                    : UNSAFE.getOrDefault(district.name(), new double[] {0.38, 0.04});
            double p = trend[0] - trend[1] * progress;
            p += gender.equals("FEMALE") ? 0.09 : gender.equals("MALE") ? -0.08 : 0.04;
            p += switch (age) {
                case "16_24" -> gender.equals("MALE") ? -0.06 : 0.02;
                case "65_74" -> 0.05;
                case "75_PLUS" -> 0.10;
                default -> 0;
            };
            return Math.max(0.03, Math.min(0.95, p));
        }

        private List<String> answer(Question question, District district, String age, String gender, double unsafe,
                boolean demographics) {
            var key = question.comparableKey() == null ? "" : question.comparableKey();
            boolean centre = district != null && district.id().value().equals(palastgarten);
            return switch (question.kind()) {
                case DISTRICT -> List.of(); // kept on the response
                case AGE_BAND -> demographics && question.option(age).isPresent() ? List.of(age) : List.of();
                case GENDER -> demographics && question.option(gender).isPresent() ? List.of(gender) : List.of();
                case LIKERT -> List.of(likert(question, switch (key) {
                    case "safety_night_area" -> unsafe;
                    case "safety_day_area" -> unsafe * 0.3;
                    case "safety_night_centre" -> Math.min(0.95, unsafe * (centre ? 1.05 : 1.2));
                    case "fear_burglary" -> 0.25 + unsafe * 0.3;
                    case "fear_assault" -> unsafe * 0.7;
                    case "fear_robbery" -> unsafe * 0.55;
                    case "fear_harassment" -> unsafe * (gender.equals("FEMALE") ? 0.9 : 0.35);
                    case "trust_police" -> 0.30 - 0.08 * progress;
                    case "trust_city" -> 0.42 - 0.12 * progress;
                    default -> 0.35;
                }));
                case SINGLE_CHOICE -> List.of(single(question, key, district, unsafe));
                case MULTIPLE_CHOICE -> multiple(question, key, centre, unsafe);
                case NUMBER -> {
                    int min = question.min() == null ? 0 : question.min();
                    int max = question.max() == null ? min + 10 : question.max();
                    yield List.of(Integer.toString(min + random.nextInt(max - min + 1)));
                }
                case FREE_TEXT -> random.nextDouble() < 0.12 ? List.of(wish(centre)) : List.of();
            };
        }

        /** A point of the scale: the last two with the chance {@code high}, the second and second-last most often. */
        private String likert(Question question, double high) {
            var options = question.options();
            if (options.isEmpty()) {
                return question.min() == null ? "1" : Integer.toString(question.min());
            }
            int n = options.size();
            boolean upper = random.nextDouble() < high;
            boolean extreme = random.nextDouble() < 0.35;
            int index = upper ? (extreme ? n - 1 : n - 2) : (extreme ? 0 : 1);
            if (n % 2 == 1 && random.nextDouble() < 0.2) {
                index = n / 2; // the middle of a five-point scale
            }
            return options.get(Math.max(0, Math.min(n - 1, index))).code();
        }

        private String single(Question question, String key, District district, double unsafe) {
            var options = question.options();
            if (options.isEmpty()) {
                return "1";
            }
            return switch (key) {
                case "security_problem" -> weighted(question, Map.of("YES", 0.15 + 0.6 * unsafe,
                        "NO", 0.75 - 0.5 * unsafe, "DONT_KNOW", 0.1));
                case "awareness_partnership" -> weighted(question, Map.of("YES",
                        0.12 + 0.33 * progress * (district != null && district.id().value().equals(palastgarten)
                                ? 1.4 : 1.0), "NO", 0.88 - 0.3 * progress));
                case "years_in_city" -> weighted(question, Map.of("UNDER_2", 0.08, "2_TO_10", 0.27, "OVER_10", 0.4,
                        "SINCE_BIRTH", 0.25));
                default -> options.get(random.nextInt(options.size())).code();
            };
        }

        private String weighted(Question question, Map<String, Double> chances) {
            var codes = question.options().stream().map(AnswerOption::code).toList();
            var weights = codes.stream().mapToDouble(c -> chances.getOrDefault(c, 0.05)).toArray();
            return codes.get(pick(weights));
        }

        private List<String> multiple(Question question, String key, boolean centre, double unsafe) {
            var chosen = new ArrayList<String>();
            for (var option : question.options()) {
                var code = option.code();
                if (code.equals("NONE")) {
                    continue;
                }
                double chance = switch (key) {
                    case "avoidance" -> switch (code) {
                        case "AVOID_PLACES" -> 0.1 + 0.6 * unsafe;
                        case "AVOID_TRANSIT" -> 0.05 + 0.3 * unsafe;
                        case "STAY_HOME" -> 0.03 + 0.25 * unsafe;
                        case "ACCOMPANIED" -> 0.04 + 0.3 * unsafe;
                        default -> 0.1;
                    };
                    case "problems_area" -> switch (code) {
                        case "LITTER" -> 0.42;
                        case "GRAFFITI" -> 0.22;
                        case "GROUPS" -> 0.1 + 0.3 * unsafe;
                        case "DRUGS" -> centre ? 0.28 - 0.1 * progress : 0.1;
                        case "DRUNKS" -> centre ? 0.35 - 0.15 * progress : 0.12;
                        case "LIGHTING" -> centre ? 0.45 - 0.33 * progress : 0.18 - 0.02 * progress;
                        case "TRAFFIC" -> 0.3;
                        case "NOISE" -> 0.2;
                        case "DOG_FOULING" -> 0.33;
                        default -> 0.1;
                    };
                    default -> 0.25;
                };
                if (random.nextDouble() < chance) {
                    chosen.add(code);
                }
            }
            if (chosen.isEmpty() && question.option("NONE").isPresent()) {
                chosen.add("NONE");
            }
            return chosen;
        }

        private String wish(boolean centre) {
            if (centre && random.nextDouble() < 0.3) {
                return WISHES.get(progress > 0.5 ? 1 : 0);
            }
            return WISHES.get(random.nextInt(WISHES.size()));
        }

        private int pick(double[] weights) {
            double total = 0;
            for (double w : weights) {
                total += w;
            }
            double r = random.nextDouble() * total;
            for (int i = 0; i < weights.length; i++) {
                r -= weights[i];
                if (r < 0) {
                    return i;
                }
            }
            return weights.length - 1;
        }
    }
}
