package id.pantau.registry.names;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A name as {@link NameNormalizer} folds it: upper-case tokens without accents, punctuation or leading honorifics.
 *
 * @param tokens the tokens in the order they were written (surname first when the input was {@code SURNAME, GIVEN}
 * or {@code SURNAME<<GIVEN})
 * @param surname the surname's tokens joined by one space when the input had the machine-readable zone form
 * {@code SURNAME<<GIVEN} or the comma form {@code SURNAME, GIVEN}, else {@code null}; may be empty in those forms
 * (e.g. {@code <<KYAW})
 * @param givenNames the given names likewise, else {@code null}
 */
public record NormalizedName(List<String> tokens, String surname, String givenNames) {

	public static final NormalizedName EMPTY = new NormalizedName(List.of(), null, null);

	public NormalizedName {
		tokens = List.copyOf(Objects.requireNonNull(tokens, "tokens"));
	}

	public boolean isEmpty() {
		return tokens.isEmpty();
	}

	/** The tokens joined by one space in their written order, e.g. {@code NGUYEN VAN HUNG}. */
	public String display() {
		return String.join(" ", tokens);
	}

	/**
	 * The tokens sorted and joined by one space, so that the order they were written in does not matter:
	 * {@code HUNG NGUYEN VAN} and {@code NGUYEN VAN HUNG} both give {@code HUNG NGUYEN VAN}.
	 */
	public String sortedKey() {
		return tokens.stream().sorted().collect(Collectors.joining(" "));
	}

	/** Each token {@linkplain NameNormalizer#respell(String) respelled}, in written order. */
	public List<String> phoneticTokens() {
		return tokens.stream().map(NameNormalizer::respell).toList();
	}

	/**
	 * The respelled tokens sorted and joined by one space: an extra, looser search key for names written as heard
	 * ({@code PHUONG THI} and {@code THI FUONG} both give {@code PUONG TI}).
	 */
	public String phoneticKey() {
		return phoneticTokens().stream().sorted().collect(Collectors.joining(" "));
	}
}
