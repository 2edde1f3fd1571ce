/** Injection token of the kernel (composition root) inside Nest. */
export const KERNEL = Symbol('LiaisonKernel');
