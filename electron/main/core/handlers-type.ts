import type { Channel } from '../../../shared/ipc/channels';
import type { CallOutput, ParsedInput } from '../../../shared/ipc/contract';
import type { CallContext } from './context';

export type Handler<C extends Channel> = (input: ParsedInput<C>, ctx: CallContext) => CallOutput<C> | Promise<CallOutput<C>>;

/** One handler per channel: a channel in the contract without a handler here fails to compile. */
export type Handlers = { [C in Channel]: Handler<C> };

/** The handlers of one feature: exactly the channels named `<prefix>.…`. */
export type FeatureHandlers<P extends string> = { [C in Extract<Channel, `${P}.${string}`>]: Handler<C> };
