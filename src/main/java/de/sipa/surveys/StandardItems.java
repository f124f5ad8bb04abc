package de.sipa.surveys;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The library of standard items (Standarditems): questions worded as in the German victimisation surveys (Deutscher
 * Viktimisierungssurvey, the Länder's security surveys, the Periodischer Sicherheitsbericht), so that a
 * partnership's results can be set beside the state's and the nation's. Every item carries its comparable key: a
 * questionnaire built from the library asks the same question as every other one that took the item, and the waves
 * compare it. The wording is in the messages files ({@code survey.item.<key>.text}, {@code .help},
 * {@code .option.<code>}) in German and English.
 */
@Component
public class StandardItems {

    /** The suggested pages of a questionnaire, in order; an item's title is {@code survey.section.<key>}. */
    public static final List<String> SECTIONS = List.of("feeling", "worries", "area", "trust", "person");

    private static final List<String> SAFETY = List.of("1", "2", "3", "4");

    /**
     * One item of the library.
     *
     * @param section the suggested page, one of {@link #SECTIONS}
     * @param codes the answer codes in order (none for district and free text)
     */
    public record Item(String key, QuestionKind kind, String section, Integer min, Integer max, List<String> codes) {

        /** Demographic items and free text are optional; the rest is asked of everyone. */
        public boolean required() {
            return !"person".equals(section) && kind != QuestionKind.FREE_TEXT;
        }
    }

    /** The items in the order a questionnaire asks them. */
    public static final List<Item> ITEMS = List.of(
            likert("safety_night_area", "feeling"),
            likert("safety_day_area", "feeling"),
            likert("safety_night_centre", "feeling"),
            choice("security_problem", QuestionKind.SINGLE_CHOICE, "feeling", "YES", "NO", "DONT_KNOW"),
            likert("fear_burglary", "worries"),
            likert("fear_assault", "worries"),
            likert("fear_robbery", "worries"),
            likert("fear_harassment", "worries"),
            choice("avoidance", QuestionKind.MULTIPLE_CHOICE, "worries", "AVOID_PLACES", "AVOID_TRANSIT", "STAY_HOME",
                    "ACCOMPANIED", "NONE"),
            choice("problems_area", QuestionKind.MULTIPLE_CHOICE, "area", "LITTER", "GRAFFITI", "GROUPS", "DRUGS",
                    "DRUNKS", "LIGHTING", "TRAFFIC", "NOISE", "DOG_FOULING", "NONE"),
            new Item("wishes", QuestionKind.FREE_TEXT, "area", null, null, List.of()),
            likert("trust_police", "trust"),
            likert("trust_city", "trust"),
            choice("awareness_partnership", QuestionKind.SINGLE_CHOICE, "trust", "YES", "NO"),
            new Item("district", QuestionKind.DISTRICT, "person", null, null, List.of()),
            choice("age_band", QuestionKind.AGE_BAND, "person", "16_24", "25_34", "35_44", "45_54", "55_64", "65_74",
                    "75_PLUS"),
            choice("gender", QuestionKind.GENDER, "person", "FEMALE", "MALE", "DIVERSE"),
            choice("years_in_city", QuestionKind.SINGLE_CHOICE, "person", "UNDER_2", "2_TO_10", "OVER_10",
                    "SINCE_BIRTH"));

    private final MessageSource messages;

    StandardItems(MessageSource messages) {
        this.messages = messages;
    }

    public List<Item> items() {
        return ITEMS;
    }

    public static Optional<Item> item(String key) {
        return ITEMS.stream().filter(i -> i.key().equals(key)).findFirst();
    }

    /** A new question (with a new id) asking the item, with its comparable key and without a condition. */
    public Question question(String key) {
        var item = item(key).orElseThrow(() -> new IllegalArgumentException("No standard item " + key));
        var prefix = "survey.item." + key + ".";
        var options = item.codes().stream()
                .map(code -> new AnswerOption(code, wording(prefix + "option." + code))).toList();
        var help = messages.getMessage(prefix + "help", null, null, Locale.GERMAN) == null ? null
                : wording(prefix + "help");
        return new Question(QuestionId.random(), item.kind(), wording(prefix + "text"), help, item.required(), key,
                item.min(), item.max(), options, null);
    }

    /** The wording of a suggested page. */
    public Wording sectionTitle(String section) {
        return wording("survey.section." + section);
    }

    private Wording wording(String key) {
        return new Wording(messages.getMessage(key, null, Locale.GERMAN), messages.getMessage(key, null, Locale.ENGLISH));
    }

    private static Item likert(String key, String section) {
        return new Item(key, QuestionKind.LIKERT, section, 1, 4, SAFETY);
    }

    private static Item choice(String key, QuestionKind kind, String section, String... codes) {
        return new Item(key, kind, section, null, null, List.of(codes));
    }
}
