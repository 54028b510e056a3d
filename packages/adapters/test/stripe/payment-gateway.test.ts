import { FixedClock } from '@giggatek/domain';
import { OfflinePaymentGateway } from '../../src/stripe/offline-payment-gateway.js';
import { StripePaymentGateway } from '../../src/stripe/stripe-payment-gateway.js';
import { describePaymentGatewayEventsContract } from './payment-gateway-events.contract.js';
import {
  CONTRACT_START,
  describePaymentGatewayContract,
  type MakePaymentGatewayFixture,
} from './payment-gateway.contract.js';
import { startStripeStub, STUB_SECRET_KEY } from './stripe-stub-server.js';

// One suite, two gateways: the offline one is trusted because it answers as Stripe does.
const WEBHOOK_SECRET = 'whsec_contract_test_secret';

const offline: MakePaymentGatewayFixture = async () => {
  const clock = new FixedClock(CONTRACT_START);
  const gateway = new OfflinePaymentGateway({ webhookSecret: WEBHOOK_SECRET, clock });
  return { gateway, webhookSecret: WEBHOOK_SECRET, clock, dispose: async () => {} };
};

// The real SDK, over HTTP, against a local stand-in for Stripe's API.
const stripe: MakePaymentGatewayFixture = async () => {
  const clock = new FixedClock(CONTRACT_START);
  const stub = await startStripeStub(clock);
  const gateway = new StripePaymentGateway({
    secretKey: STUB_SECRET_KEY,
    webhookSecret: WEBHOOK_SECRET,
    clock,
    host: '127.0.0.1',
    port: stub.port,
    protocol: 'http',
  });
  return { gateway, webhookSecret: WEBHOOK_SECRET, clock, dispose: () => stub.close() };
};

for (const [name, make] of [
  ['offline', offline],
  ['stripe sdk + stub', stripe],
] as const) {
  describePaymentGatewayContract(name, make);
  describePaymentGatewayEventsContract(name, make);
}
