// What the dom0's installed QEMU accepts of the command line libxl builds (devicemodel/): a model
// per QEMU release of what it refuses (learned from the real binaries, see models.ts) and the
// refusals of one argv. Host profiles name the QEMU release (host/); this stage has the facts.
export * from './models';
export { qemuRefusals, qemuOptions, qemuOptionList, type QemuRefusal } from './refusals';
