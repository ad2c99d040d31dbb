import { builtInComponents } from '../../core/components/built-in';
import { runComponentWorker } from '../../core/components/worker-main';
import { createWakeUpLedger } from './wake-up-ledger';

// The tests' component worker: Courier's own components and the wake-up ledger.
runComponentWorker({ ...builtInComponents, SMS_WAKE_UP_LEDGER: createWakeUpLedger });
