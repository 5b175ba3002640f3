package uk.nhs.pharmacy.portal.security;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;

/** The QR code of the secret being enrolled in this session (and nothing for anyone else). */
@WebServlet("/mfa/qr.png")
public class MfaQrServlet extends HttpServlet {

    private static final int SIZE = 240;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var pending = FormSignIn.pending(request).filter(p -> p.secret() != null);
        if (pending.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(Totp.uri(pending.get().name(), pending.get().secret()), BarcodeFormat.QR_CODE, SIZE, SIZE);
        } catch (WriterException e) {
            throw new IOException(e);
        }
        BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
            }
        }
        response.setContentType("image/png");
        ImageIO.write(image, "png", response.getOutputStream());
    }
}
