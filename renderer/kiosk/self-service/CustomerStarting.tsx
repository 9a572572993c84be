// Between "I agree" and the camera: the record is being made.
import { ScreenHeading } from '../../components/ScreenHeading';
import { useI18n } from '../../i18n/context';

export function CustomerStarting() {
  const { t } = useI18n();
  return (
    <section className="screen-body screen-center" aria-busy="true">
      <ScreenHeading>{t.selfService.starting}</ScreenHeading>
    </section>
  );
}
