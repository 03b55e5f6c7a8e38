package id.pantau.crossings.web;

import id.pantau.crossings.domain.ImportResult;
import id.pantau.platform.ProblemMessages;

/** An import's warning about a value that is not known, in the reader's words. */
final class UnknownValueWords {

	private UnknownValueWords() {
	}

	static String say(ProblemMessages messages, ImportResult.Unknown unknown) {
		return unknown.written() == null
				? messages.message("crossings.unknownValue.more." + unknown.field(), unknown.rows())
				: messages.message("crossings.unknownValue." + unknown.field(), unknown.written(), unknown.rows());
	}
}
