export function checkAddress(to: any): void;
export function checkOneReceiver(to: any): void;
export function checkSubject(subject: any): void;
export function checkTimeout(timeoutMs: any): any;
export function checkTopic(topic: any): void;
export function checkDescriptor(descriptor: any): void;
export function checkServiceId(service: any): void;
export function checkGatherMode(mode: any, quorum: any): void;
export function checkServiceState(state: any): void;
