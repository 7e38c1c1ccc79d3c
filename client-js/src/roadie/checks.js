import { ErrorCode } from './error-codes.js';
import { RoadieError } from './errors.js';

/** Topic names, as in PROTOCOL.md 6.1. */
const TOPIC = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
/** Kind and service names, as in PROTOCOL.md 6.1. */
const NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/*
 * Arguments checked before anything is sent, so that a mistake fails at once with a message
 * that says what to change, as the hub would refuse it (code invalid-frame).
 */

export function checkAddress(to) {
  if (typeof to !== 'string' || !/^(service:|kind:|one:|topic:|all$|hub$)/.test(to)) {
    throw new RoadieError(ErrorCode.INVALID_FRAME, `address must be service:KIND/NAME, kind:KIND, one:KIND, topic:TOPIC,`
      + ` all or hub, got '${to}'`);
  }
}

export function checkOneReceiver(to) {
  checkAddress(to);
  if (!to.startsWith('service:') && !to.startsWith('one:') && to !== 'hub') {
    throw new RoadieError(ErrorCode.INVALID_FRAME, `a request goes to one receiver (service:KIND/NAME, one:KIND or hub),`
      + ` got '${to}': send a gather to reach many`);
  }
}

export function checkSubject(subject) {
  if (typeof subject !== 'string' || subject.trim() === '' || subject.length > 128) {
    throw new RoadieError(ErrorCode.INVALID_FRAME, `a subject is a non-blank string of at most 128 characters, got '${subject}'`);
  }
}

export function checkTimeout(timeoutMs) {
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) {
    throw new RoadieError(ErrorCode.INVALID_FRAME, `timeoutMs must be a positive whole number of milliseconds, got ${timeoutMs}`);
  }
  return timeoutMs;
}

export function checkTopic(topic) {
  if (typeof topic !== 'string' || !TOPIC.test(topic)) {
    throw new RoadieError(ErrorCode.INVALID_FRAME, `a topic is 1 to 128 letters, digits, '.', '_', ':' or '-',`
      + ` starting with a letter or digit; got '${topic}'`);
  }
}

export function checkDescriptor(descriptor) {
  if (!descriptor || !NAME.test(descriptor.kind ?? '') || !NAME.test(descriptor.name ?? '')) {
    throw new RoadieError(ErrorCode.INVALID_FRAME, 'a service needs a kind and a name of 1 to 64 lower-case letters,'
      + ` digits, '.', '_' or '-'; got ${JSON.stringify(descriptor)}`);
  }
}

export function checkServiceId(service) {
  if (typeof service !== 'string' || !service.includes('/')) {
    throw new RoadieError(ErrorCode.INVALID_FRAME, `a service is named KIND/NAME, got '${service}'`);
  }
}

export function checkGatherMode(mode, quorum) {
  if (!['all', 'first', 'quorum'].includes(mode)) {
    throw new RoadieError(ErrorCode.INVALID_FRAME, `mode must be all, first or quorum, got '${mode}'`);
  }
  if (mode === 'quorum' && !(Number.isInteger(quorum) && quorum >= 1)) {
    throw new RoadieError(ErrorCode.INVALID_FRAME, `mode quorum needs a quorum of at least 1, got ${quorum}`);
  }
}

export function checkServiceState(state) {
  if (!['up', 'draining', 'retired'].includes(state)) {
    throw new RoadieError(ErrorCode.INVALID_FRAME, `a service's state is up, draining or retired, got '${state}'`);
  }
}
