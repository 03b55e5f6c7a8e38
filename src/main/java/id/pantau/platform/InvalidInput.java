package id.pantau.platform;

import java.util.List;

/**
 * Input that cannot be saved; each problem names its form field and a message key with arguments. Pages show the
 * messages next to their fields, the API answers 400 with them in a ProblemDetail.
 */
public class InvalidInput extends RuntimeException {

	public record Problem(String field, String messageKey, Object... arguments) {
	}

	private final transient List<Problem> problems;

	public InvalidInput(List<Problem> problems) {
		super(problems.stream().map(p -> p.field() + ": " + p.messageKey()).toList().toString());
		this.problems = List.copyOf(problems);
	}

	public static InvalidInput of(String field, String messageKey, Object... arguments) {
		return new InvalidInput(List.of(new Problem(field, messageKey, arguments)));
	}

	public List<Problem> problems() {
		return problems;
	}
}
