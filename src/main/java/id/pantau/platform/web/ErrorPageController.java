package id.pantau.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;

/** A malformed id or parameter in a page's address is a page that does not exist, not a server error. */
@ControllerAdvice
class ErrorPageController {

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String malformedAddress() {
		return "error/404";
	}

	/** A form post where a file upload was expected (a hand-made or hostile request): refused, not a server error. */
	@ExceptionHandler(MultipartException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String notAnUpload() {
		return "error/4xx";
	}
}
