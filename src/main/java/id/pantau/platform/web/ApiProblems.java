package id.pantau.platform.web;

import java.util.List;
import java.util.Map;

import id.pantau.platform.CalendarRange;
import id.pantau.platform.InvalidInput;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import id.pantau.platform.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of the JSON API as RFC 9457 problem details, with messages in the request's language and never a stack
 * trace or an exception's own message.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
// before ErrorPageController, whose page answers would otherwise also be chosen for the API's controllers
@Order(Ordered.HIGHEST_PRECEDENCE)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ApiProblems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	private final MessageSource messages;

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound() {
		return problem(HttpStatus.NOT_FOUND, "api.notFound");
	}

	@ExceptionHandler(InvalidInput.class)
	ProblemDetail invalid(InvalidInput invalid) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "api.invalid");
		List<Map<String, String>> errors = invalid.problems().stream()
				.map(p -> Map.of("field", p.field(), "message", message(p.messageKey(), p.arguments()))).toList();
		problem.setProperty("errors", errors);
		return problem;
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ProblemDetail conflict() {
		return problem(HttpStatus.PRECONDITION_FAILED, "api.changedMeanwhile");
	}

	/** A step a record cannot take from where it stands, e.g. a report that someone else already forwarded. */
	@ExceptionHandler(IllegalStateException.class)
	ProblemDetail illegalState() {
		return problem(HttpStatus.CONFLICT, "api.conflict");
	}

	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail denied() {
		return problem(HttpStatus.FORBIDDEN, "api.forbidden");
	}

	/**
	 * A parameter that cannot be read as its type or is out of range (a page beyond any int, a date in year
	 * 1,000,000): 400, naming the parameter, in the request's language.
	 */
	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException mismatch, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "api.invalid");
		String field = mismatch instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
				: String.valueOf(mismatch.getPropertyName());
		problem.setProperty("errors", List.of(Map.of("field", field, "message", message("api.parameterInvalid",
				String.valueOf(CalendarRange.MIN_YEAR), String.valueOf(CalendarRange.MAX_YEAR)))));
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	@ExceptionHandler(MultipartException.class)
	ProblemDetail notAnUpload() {
		return problem(HttpStatus.BAD_REQUEST, "api.invalid");
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception exception) {
		log.error("Unexpected error in an API request", exception);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "api.unexpected");
	}

	private ProblemDetail problem(HttpStatus status, String key) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message(key));
		problem.setProperty("code", key.substring(key.indexOf('.') + 1));
		return problem;
	}

	private String message(String key, Object... arguments) {
		return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
	}
}
