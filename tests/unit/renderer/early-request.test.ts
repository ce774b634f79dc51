import { describe, expect, it, vi } from 'vitest';
import { earlySender } from '../../../renderer/src/hooks/use-early-request';

describe('earlySender (a screen’s first request sent with its first render)', () => {
  it('sends at once and hands that request to the first call with the same input', async () => {
    const send = vi.fn((input: { page: number }) => Promise.resolve(`page ${input.page}`));
    const sender = earlySender({ page: 1 }, send);
    expect(send).toHaveBeenCalledTimes(1);
    await expect(sender({ page: 1 })).resolves.toBe('page 1');
    expect(send).toHaveBeenCalledTimes(1);
    // Taken once: the same input later (a retry, the same search again) is a new request.
    await expect(sender({ page: 1 })).resolves.toBe('page 1');
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('sends anew when the first call asks for something else, and drops the early one', async () => {
    const send = vi.fn((input: { page: number }) => Promise.resolve(`page ${input.page}`));
    const sender = earlySender({ page: 1 }, send);
    await expect(sender({ page: 2 })).resolves.toBe('page 2');
    await expect(sender({ page: 1 })).resolves.toBe('page 1');
    expect(send.mock.calls.map(([input]) => input.page)).toEqual([1, 2, 1]);
  });

  it('reports an early failure to the call that takes it, and none unasked', async () => {
    const failure = new Error('ledger closed');
    const sender = earlySender({ page: 1 }, () => Promise.reject(failure));
    await expect(sender({ page: 1 })).rejects.toBe(failure);
  });

  it('hands over a request sent before it, and sends none of its own', async () => {
    const send = vi.fn((input: { page: number }) => Promise.resolve(`page ${input.page} again`));
    const sender = earlySender({ page: 1 }, send, Promise.resolve('page 1, sent earlier'));
    expect(send).not.toHaveBeenCalled();
    await expect(sender({ page: 1 })).resolves.toBe('page 1, sent earlier');
    await expect(sender({ page: 1 })).resolves.toBe('page 1 again');
  });

  it('sends ahead for the next call with the same input, and drops it for another', async () => {
    const send = vi.fn((input: { text: string }) => Promise.resolve(`rows of ${input.text}`));
    const sender = earlySender({ text: '' }, send);
    await sender({ text: '' });
    // a key sends before the render that asks for its query: that render takes the request
    sender.ahead({ text: '王' });
    expect(send).toHaveBeenCalledTimes(2);
    await expect(sender({ text: '王' })).resolves.toBe('rows of 王');
    expect(send).toHaveBeenCalledTimes(2);
    // the filters changed meanwhile: the render's own input is sent, the one ahead dropped
    sender.ahead({ text: '王芳' });
    await expect(sender({ text: '王' })).resolves.toBe('rows of 王');
    await expect(sender({ text: '王芳' })).resolves.toBe('rows of 王芳');
    expect(send.mock.calls.map(([input]) => input.text)).toEqual(['', '王', '王芳', '王', '王芳']);
  });
});
