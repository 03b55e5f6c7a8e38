package id.pantau.matching.cli;

import java.util.List;

/** Input the command refuses, with the messages (in Indonesian) that say why. */
final class BadInput extends Exception {

	private final List<String> messages;

	BadInput(String message) {
		this(List.of(message));
	}

	BadInput(List<String> messages) {
		super(String.join("; ", messages), null, false, false);
		this.messages = List.copyOf(messages);
	}

	List<String> messages() {
		return messages;
	}
}
