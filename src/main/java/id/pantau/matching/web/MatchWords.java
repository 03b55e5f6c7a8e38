package id.pantau.matching.web;

import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.pantau.matching.domain.MatchCase.Candidate;
import id.pantau.matching.domain.MatchCase.FieldScore;
import id.pantau.matching.domain.Matching;
import id.pantau.matching.domain.MatchingSettings;
import id.pantau.matching.linkage.LinkResult;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A comparison told in an officer's words: each field as a sentence ("nomor dokumen berbeda", "tahun lahir berbeda
 * 10 tahun", "nama sama persis, tetapi nama ini umum di data"), its weight as a bar, and the whole as the evidence
 * it rests on, never in bits.
 */
@Component("matchWords")
class MatchWords {

	private static final Pattern YEAR = Pattern.compile("^(\\d{4})");

	private static final Set<String> NAME_AGREES = Set.of("EXACT", "RESPELLED", "TYPO");

	/** From how many bearers in the data (the record and the person among them) a name is worth a warning. */
	private static final int COMMON = 3;

	/** A tenth of the bar per bit, up to the whole bar: a difference an officer can see, not a number to read. */
	private static final double TENTHS_PER_BIT = 1;

	private final MessageSource messages;
	private final double matchThreshold;
	private final ToIntFunction<String> peopleNamed;

	@Autowired
	MatchWords(MessageSource messages, MatchingSettings settings, Matching matching) {
		this(messages, settings.matchThreshold(), matching::peopleNamed);
	}

	MatchWords(MessageSource messages, double matchThreshold, ToIntFunction<String> peopleNamed) {
		this.messages = messages;
		this.matchThreshold = matchThreshold;
		this.peopleNamed = peopleNamed;
	}

	public String say(FieldScore score) {
		String key = "matching.say." + score.field() + "." + score.level();
		if ("birth_date".equals(score.field()) && "DIFFERENT".equals(score.level())) {
			Integer years = yearsApart(score.recordValue(), score.personValue());
			if (years != null) {
				return years == 0 ? message("matching.say.birth_date.sameYearOtherDay")
						: message("matching.say.birth_date.yearsApart", years);
			}
		}
		if ("name".equals(score.field()) && NAME_AGREES.contains(score.level())) {
			int namesakes = peopleNamed.applyAsInt(score.personValue());
			if (score.frequencyAdjustment() <= -1 || namesakes >= COMMON) {
				return message(key) + message("matching.say.nameCommon", namesakes);
			}
		}
		if ("name".equals(score.field()) && score.frequencyAdjustment() >= 1) {
			return message(key) + message("matching.say.nameRare");
		}
		return message(key);
	}

	/** How far the bar reaches, in tenths, for how much a field speaks for (or against) the same person. */
	public int bar(FieldScore score) {
		return (int) Math.min(10, Math.round(Math.abs(score.total()) * TENTHS_PER_BIT));
	}

	/** What the candidate's score rests on, in words. */
	public String strength(Candidate candidate) {
		if (!LinkResult.strongEvidence(candidate.pattern())) {
			return message("matching.strength.noStrongEvidence");
		}
		return message(candidate.probability() >= matchThreshold ? "matching.strength.strong" : "matching.strength.some");
	}

	static Integer yearsApart(String a, String b) {
		Matcher x = YEAR.matcher(a == null ? "" : a);
		Matcher y = YEAR.matcher(b == null ? "" : b);
		return x.find() && y.find() ? Math.abs(Integer.parseInt(x.group(1)) - Integer.parseInt(y.group(1))) : null;
	}

	private String message(String key, Object... args) {
		return messages.getMessage(key, args.length == 0 ? null : args, key, LocaleContextHolder.getLocale());
	}
}
