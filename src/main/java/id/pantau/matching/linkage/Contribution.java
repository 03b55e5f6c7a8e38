package id.pantau.matching.linkage;

/**
 * What one field contributed to a pair's score: the explanation shown in the review screen, the API and
 * {@code link --explain}.
 *
 * @param field the field
 * @param level the comparison level's name, e.g. {@code RESPELLED}
 * @param levelWeight {@code log2(m/u)} of the level, in bits (0 for MISSING)
 * @param frequencyAdjustment the term-frequency adjustment in bits (0 where none applies)
 * @param recordValue the record's value as compared (folded), "" when absent
 * @param personValue the person's value as compared, "" when absent
 */
public record Contribution(Field field, String level, double levelWeight, double frequencyAdjustment,
		String recordValue, String personValue) {

	/** The level's weight plus the adjustment. */
	public double weight() {
		return levelWeight + frequencyAdjustment;
	}

	/** E.g. {@code name RESPELLED +9.12 (tf -2.30) [KYAW MIN | KYO MIN]}. */
	public String describe() {
		String text = String.format(java.util.Locale.ROOT, "%s %s %+.2f", field.key(), level, weight());
		if (frequencyAdjustment != 0) {
			text += String.format(java.util.Locale.ROOT, " (tf %+.2f)", frequencyAdjustment);
		}
		return text + " [" + recordValue + " | " + personValue + "]";
	}
}
