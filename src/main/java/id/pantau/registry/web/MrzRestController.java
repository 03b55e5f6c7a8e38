package id.pantau.registry.web;

import java.time.Clock;
import java.util.List;

import id.pantau.platform.InvalidInput;
import id.pantau.registry.mrz.MrzParser;
import id.pantau.registry.mrz.MrzResult;
import id.pantau.registry.mrz.NotAnMrzException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reads the machine-readable zone of a passport or card (ICAO 9303 TD1, TD2, TD3) and checks its digits. */
@RestController
@RequestMapping("/api/v1/mrz")
@PreAuthorize(PersonPageController.READERS)
@Tag(name = "mrz", description = "Machine-readable zones of travel documents")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class MrzRestController {

	private final Clock clock;

	/** Either {@code text} (the lines as pasted, separated by line breaks) or {@code lines}. */
	record MrzRequest(String text, List<String> lines) {

		String joined() {
			if (lines != null && !lines.isEmpty()) {
				return String.join("\n", lines);
			}
			return text == null ? "" : text;
		}
	}

	@PostMapping
	@Operation(summary = "Read an MRZ; valid is false and invalidFields names each failing check digit")
	MrzResult read(@RequestBody MrzRequest request) {
		try {
			return MrzParser.parse(request.joined(), clock);
		}
		catch (NotAnMrzException e) {
			throw InvalidInput.of("text", "api.notMrz");
		}
	}
}
