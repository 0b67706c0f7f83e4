import type { LoggerService } from '@backstage/backend-plugin-api';
import type { ErrorRequestHandler } from 'express';

const STATUS_BY_NAME: Record<string, number> = {
  InputError: 400,
  AuthenticationError: 401,
  NotAllowedError: 403,
  NotFoundError: 404,
  ConflictError: 409,
  ServiceUnavailableError: 503,
};

/**
 * Turns errors into `{ error: { name, message } }` with the right status, and never a
 * stack trace, file path or SQL, even in development: a 5xx says only that something
 * failed, and the detail goes to the log.
 */
export function errorHandler(logger: LoggerService): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const name: string = error?.name ?? 'Error';
    const bodyParserStatus =
      typeof error?.status === 'number' &&
      error.status >= 400 &&
      error.status < 500
        ? error.status
        : undefined;
    const status = STATUS_BY_NAME[name] ?? bodyParserStatus ?? 500;
    if (status >= 500) {
      logger.error(`${req.method} ${req.path} failed`, error);
      res.status(status).json({
        error: {
          name: 'InternalError',
          message:
            'The maturity backend failed to answer; the cause is in its log',
        },
        response: { statusCode: status },
      });
      return;
    }
    const message =
      bodyParserStatus && !STATUS_BY_NAME[name]
        ? bodyParserMessage(error)
        : String(error?.message ?? name);
    res.status(status).json({
      error: { name: STATUS_BY_NAME[name] ? name : 'InputError', message },
      response: { statusCode: status },
    });
  };
}

// body-parser errors carry a `type`; their messages can echo parser internals.
function bodyParserMessage(error: { type?: string; message?: string }): string {
  switch (error.type) {
    case 'entity.too.large':
      return 'Request body is too large';
    case 'entity.parse.failed':
      return 'Request body is not valid JSON';
    default:
      return 'Request body could not be read';
  }
}
