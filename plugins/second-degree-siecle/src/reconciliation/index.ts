export {
  reconcile,
  type ComparedField,
  type Reconciliation,
  type ReconciliationDifference,
  type ReconciliationLine,
  type ReconciliationStatus,
} from './reconcile';
export { describeDifference, reconciliationReport } from './reconciliation-report';
