package id.pantau.platform.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A malformed id in a page's address is a page that does not exist; a malformed or out-of-range parameter (a number
 * beyond any page, a date in year 1,000,000) is a request that cannot be answered, said so in the user's language:
 * neither is a server error. The API answers the same as problem details ({@link ApiProblems}).
 */
@ControllerAdvice
class ErrorPageController {

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ModelAndView malformedAddress(MethodArgumentTypeMismatchException mismatch) {
		if (mismatch.getParameter().hasParameterAnnotation(PathVariable.class)) {
			return ErrorPages.page(HttpStatus.NOT_FOUND, Map.of());
		}
		return ErrorPages.page(HttpStatus.BAD_REQUEST, Map.of("parameter", mismatch.getName()));
	}

	/** A form post where a file upload was expected (a hand-made or hostile request): refused, not a server error. */
	@ExceptionHandler(MultipartException.class)
	ModelAndView notAnUpload() {
		return ErrorPages.page(HttpStatus.BAD_REQUEST, Map.of());
	}
}
