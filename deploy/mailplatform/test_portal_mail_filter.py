"""Unit tests of portal-mail-filter: python3 -m unittest deploy/mailplatform/test_portal_mail_filter.py
(run by MailFilterScriptTest in the Maven build)."""
import email
import email.policy
import importlib.machinery
import importlib.util
import os
import unittest

_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'portal-mail-filter')
_loader = importlib.machinery.SourceFileLoader('portal_mail_filter', _path)
_spec = importlib.util.spec_from_loader('portal_mail_filter', _loader)
f = importlib.util.module_from_spec(_spec)
_loader.exec_module(f)


class NhsNumbers(unittest.TestCase):
    def test_valid_numbers_pass_modulus_11(self):
        for number in ('9434765919', '4010232137', '9000000009', '9876543210'):
            self.assertTrue(f.valid_nhs_number(number), number)

    def test_a_wrong_check_digit_fails(self):
        for number in ('9434765918', '4010232138', '9876543211'):
            self.assertFalse(f.valid_nhs_number(number), number)

    def test_a_check_digit_of_ten_is_never_valid(self):
        # 1234567890: weights give 11 - (sum % 11) == 10, which no NHS number has
        self.assertFalse(f.valid_nhs_number('1234567890'))

    def test_not_ten_digits(self):
        for text in ('943476591', '94347659190', '94347659a9', ''):
            self.assertFalse(f.valid_nhs_number(text), text)

    def test_found_in_text_with_or_without_spaces(self):
        self.assertTrue(f.carries_nhs_number('Patient 943 476 5919 needs a repeat'))
        self.assertTrue(f.carries_nhs_number('NHS no. 9434765919.'))
        self.assertTrue(f.carries_nhs_number('(9434765919)'))

    def test_not_found_inside_longer_digit_runs_or_odd_spacing(self):
        self.assertFalse(f.carries_nhs_number('order 194347659190 shipped'))
        self.assertFalse(f.carries_nhs_number('call 94 347 65919'))
        self.assertFalse(f.carries_nhs_number('943 4765919'))
        self.assertFalse(f.carries_nhs_number('a number failing the check: 943 476 5918'))


class Messages(unittest.TestCase):
    def message(self, body, subject='Hello', sender='pharmacy.fa064@nhs.net', html=None, transfer='7bit'):
        raw = ('From: %s\r\nTo: someone@example.com\r\nSubject: %s\r\nMIME-Version: 1.0\r\n' % (sender, subject))
        if html:
            raw += ('Content-Type: multipart/alternative; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n%s\r\n'
                    '--b\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: %s\r\n\r\n%s\r\n--b--\r\n' % (body, transfer, html))
        else:
            raw += 'Content-Type: text/plain\r\n\r\n%s\r\n' % body
        return email.message_from_bytes(raw.encode(), policy=email.policy.default)

    def test_the_subject_and_every_text_part_are_read(self):
        self.assertTrue(any(f.carries_nhs_number(t) for t in f.texts(self.message('nothing', subject='Re 9434765919'))))
        self.assertTrue(any(f.carries_nhs_number(t) for t in f.texts(self.message('nothing', html='<p>943 476 5919</p>'))))

    def test_quoted_printable_is_decoded_first(self):
        m = self.message('nothing', html='<p>943=20476=205919</p>', transfer='quoted-printable')
        self.assertTrue(any(f.carries_nhs_number(t) for t in f.texts(m)))

    def test_a_premises_sender_by_envelope_or_from_header(self):
        self.assertEqual(f.premises_address('pharmacy.fa064@nhs.net', self.message('x')), 'pharmacy.fa064@nhs.net')
        self.assertEqual(f.premises_address('jo.bloggs@nhs.net', self.message('x', sender='Boots <Pharmacy.FA064@nhs.net>')),
                         'pharmacy.fa064@nhs.net')
        self.assertIsNone(f.premises_address('jo.bloggs@nhs.net', self.message('x', sender='jo.bloggs@nhs.net')))
        self.assertIsNone(f.premises_address('pharmacy.fa064@nhs.net.evil.com', self.message('x', sender='x@example.com')))


class Footers(unittest.TestCase):
    FOOTER = 'Cohens Chemist is a trading name of Cohens Chemist Ltd, registered in England and Wales, number 01234567.'

    def message(self, plain, html_part=None):
        raw = 'From: pharmacy.fa064@nhs.net\r\nTo: gp@nhs.net\r\nSubject: Hi\r\nMIME-Version: 1.0\r\n'
        if html_part:
            raw += ('Content-Type: multipart/alternative; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n%s\r\n'
                    '--b\r\nContent-Type: text/html\r\n\r\n%s\r\n--b--\r\n' % (plain, html_part))
        else:
            raw += 'Content-Type: text/plain\r\n\r\n%s\r\n' % plain
        return email.message_from_bytes(raw.encode(), policy=email.policy.default)

    def test_added_to_the_text_and_the_html_part(self):
        m = self.message('Hello', '<html><body><p>Hello</p></body></html>')
        self.assertTrue(f.add_footer(m, self.FOOTER))
        again = email.message_from_bytes(m.as_bytes(policy=email.policy.SMTP), policy=email.policy.default)
        plain, html_part = [p.get_content() for p in again.walk() if p.get_content_maintype() == 'text']
        self.assertIn(self.FOOTER, plain)
        self.assertIn('Cohens Chemist Ltd', html_part)
        self.assertLess(html_part.index('Cohens Chemist Ltd'), html_part.lower().index('</body>'))
        self.assertEqual(again['X-Pharmacy-Footer'], 'added')

    def test_not_again_on_a_reply_that_carries_it(self):
        cut = self.FOOTER.index(' registered')  # a mail client wraps quoted lines between words
        quoted = 'Thanks\n\n> -- \n> ' + self.FOOTER[:cut] + '\n> ' + self.FOOTER[cut + 1:]
        m = self.message(quoted)
        self.assertFalse(f.add_footer(m, self.FOOTER))

    def test_html_is_escaped(self):
        m = self.message('x', '<p>x</p>')
        f.add_footer(m, 'A & B <Ltd>')
        html_part = [p.get_content() for p in m.walk() if p.get_content_type() == 'text/html'][0]
        self.assertIn('A &amp; B &lt;Ltd&gt;', html_part)


if __name__ == '__main__':
    unittest.main()
